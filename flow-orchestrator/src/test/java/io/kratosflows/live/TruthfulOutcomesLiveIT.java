package io.kratosflows.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kratosflows.Kratos;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.login.LoginFlow;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOptions;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.settings.SettingsFlow;
import io.kratosflows.settings.SettingsMethod;
import io.kratosflows.settings.SettingsOutcome;
import io.kratosflows.testkit.CodePurpose;
import io.kratosflows.testkit.KratosServer;
import io.kratosflows.verification.VerificationFlow;
import io.kratosflows.verification.VerificationMethod;
import io.kratosflows.verification.VerificationOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Outcomes that used to tell an app something false, on a real Kratos: backup codes "saved" that
 * were only shown, a used code reported as a code, too many wrong codes reported as "already
 * verified" or as a plain wrong code, and an unlink "saved" where the flow does not offer it.
 */
class TruthfulOutcomesLiveIT {

    @RegisterExtension
    static final Live LIVE = Live.on(KratosServer.defaults());

    @Test
    void backupCodesAreShownUntilConfirmedAndAUsedOneIsReportedAsUsed() {
        String email = Live.newEmail("truth-lookup");
        SessionToken token = LIVE.register(email, Live.PASSWORD);
        SettingsFlow flow = LIVE.kratos().settings().start(token);

        var generated = assertInstanceOf(SettingsOutcome.LookupSecretsShown.class,
                LIVE.kratos().settings().submit(flow, SettingsMethod.LookupSecret.regenerate()));
        assertTrue(generated.confirmationRequired(), "nothing is stored before confirm");
        assertEquals(12, generated.codes().size());
        assertInstanceOf(SettingsOutcome.Saved.class, LIVE.kratos().settings().submit(flow, SettingsMethod.LookupSecret.confirm()));

        // Use one code as a second factor of a new sign-in, then reveal: 11 codes left, one reported as used.
        var firstFactor = assertInstanceOf(LoginOutcome.Completed.class,
                LIVE.kratos().login().submit(LIVE.kratos().login().start(), new LoginMethod.Password(email, Secret.of(Live.PASSWORD))));
        LoginFlow stepUp = LIVE.kratos().login().start(LoginOptions.secondFactor(firstFactor.token()));
        assertInstanceOf(LoginOutcome.Completed.class, LIVE.kratos().login().submit(stepUp, new LoginMethod.LookupSecret(generated.codes().get(0))));
        var revealed = assertInstanceOf(SettingsOutcome.LookupSecretsShown.class,
                LIVE.kratos().settings().submit(LIVE.kratos().settings().start(token), SettingsMethod.LookupSecret.reveal()));

        assertFalse(revealed.confirmationRequired());
        assertEquals(generated.codes().subList(1, 12), revealed.codes());
        assertEquals(1, revealed.flow().usedLookupSecrets().size());
    }

    @Test
    void theSixthWrongVerificationCodeIsTooManyAttemptsAndRestartContinues() {
        String email = Live.newEmail("truth-verify");
        LIVE.register(email, Live.PASSWORD);
        String sentAtRegistration = LIVE.code(email, CodePurpose.VERIFICATION);
        VerificationFlow flow = LIVE.kratos().verification().start();
        var sent = assertInstanceOf(VerificationOutcome.CodeSent.class, LIVE.kratos().verification().submit(flow, VerificationMethod.Code.request(email)));
        String first = LIVE.newCode(email, CodePurpose.VERIFICATION, sentAtRegistration);

        VerificationOutcome last = null;
        for (int attempt = 1; attempt <= 6; attempt++) {
            last = LIVE.kratos().verification().submit(sent.flow(), VerificationMethod.Code.submit(Secret.of("000000")));
        }
        var tooMany = assertInstanceOf(VerificationOutcome.TooManyAttempts.class, last);

        VerificationFlow fresh = LIVE.kratos().verification().restart(tooMany);
        assertNotEquals(flow.id(), fresh.id());
        var again = assertInstanceOf(VerificationOutcome.CodeSent.class, LIVE.kratos().verification().submit(fresh, VerificationMethod.Code.request(email)));
        String code = LIVE.newCode(email, CodePurpose.VERIFICATION, first);
        var verified = assertInstanceOf(VerificationOutcome.Verified.class,
                LIVE.kratos().verification().submit(again.flow(), VerificationMethod.Code.submit(Secret.of(code))));

        assertInstanceOf(VerificationOutcome.AlreadyUsed.class,
                LIVE.kratos().verification().submit(verified.flow(), VerificationMethod.Code.submit(Secret.of(code))), "already verified");
    }

    @Test
    void theSixthWrongLoginCodeIsTooManyAttemptsAndRestartSendsANewCode() {
        String email = Live.newEmail("truth-login-code");
        LIVE.register(email, Live.PASSWORD);
        LoginFlow flow = LIVE.kratos().login().start();
        var sent = assertInstanceOf(LoginOutcome.CodeSent.class, LIVE.kratos().login().submit(flow, LoginMethod.Code.request(email)));
        String first = LIVE.code(email, CodePurpose.LOGIN);

        LoginOutcome last = null;
        for (int attempt = 1; attempt <= 6; attempt++) {
            last = LIVE.kratos().login().submit(sent.flow(), LoginMethod.Code.submit(email, Secret.of("000000")));
        }
        var tooMany = assertInstanceOf(LoginOutcome.TooManyAttempts.class, last);

        LoginFlow fresh = LIVE.kratos().login().restart(tooMany);
        var resent = assertInstanceOf(LoginOutcome.CodeSent.class, LIVE.kratos().login().submit(fresh, LoginMethod.Code.request(email)));
        String code = LIVE.newCode(email, CodePurpose.LOGIN, first);
        assertInstanceOf(LoginOutcome.Completed.class, LIVE.kratos().login().submit(resent.flow(), LoginMethod.Code.submit(email, Secret.of(code))));
    }

    @Test
    void unlinkingAProviderIsSavedOnlyWhereTheFlowOffersIt() {
        ObjectNode identity = new ObjectMapper().createObjectNode();
        String email = Live.newEmail("truth-unlink");
        identity.put("schema_id", "default").putObject("traits").put("email", email);
        ObjectNode credentials = identity.putObject("credentials");
        credentials.putObject("password").putObject("config").put("password", Live.PASSWORD);
        credentials.putObject("oidc").putObject("config").putArray("providers").addObject().put("provider", "github").put("subject", "4242");
        LIVE.server().admin().createIdentity(identity);
        var login = assertInstanceOf(LoginOutcome.Completed.class,
                LIVE.kratos().login().submit(LIVE.kratos().login().start(), new LoginMethod.Password(email, Secret.of(Live.PASSWORD))));
        SettingsFlow flow = LIVE.kratos().settings().start(login.token());

        SettingsOutcome outcome = LIVE.kratos().settings().submit(flow, SettingsMethod.Oidc.unlink("github"));

        if (LIVE.server().version().isAtLeast(26, 0)) {
            assertTrue(flow.methods().contains("oidc"));
            assertInstanceOf(SettingsOutcome.Saved.class, outcome);
        } else {
            // v25.4 and v1.3 populate oidc only for browser flows: the native flow does not offer it.
            assertFalse(flow.methods().contains("oidc"), flow.methods().toString());
            assertEquals("oidc", assertInstanceOf(SettingsOutcome.MethodUnavailable.class, outcome).method());
        }
    }
}
