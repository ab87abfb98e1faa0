package io.kratosflows.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.Secret;
import io.kratosflows.Traits;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.recovery.RecoveryFlow;
import io.kratosflows.recovery.RecoveryMethod;
import io.kratosflows.recovery.RecoveryOutcome;
import io.kratosflows.registration.RegistrationMethod;
import io.kratosflows.registration.RegistrationOutcome;
import io.kratosflows.session.WhoamiOutcome;
import io.kratosflows.settings.SettingsMethod;
import io.kratosflows.settings.SettingsOutcome;
import io.kratosflows.testkit.CodePurpose;
import io.kratosflows.testkit.KratosServer;
import io.kratosflows.verification.VerificationMethod;
import io.kratosflows.verification.VerificationOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Recovery by code ending in a new password, and verification by code: wrong codes are HTTP 200. */
class RecoveryAndVerificationLiveIT {

    @RegisterExtension
    static final Live LIVE = Live.on(KratosServer.defaults());

    @Test
    void recoveryByCodeEndsInAPasswordChange() {
        String email = Live.newEmail("recovery");
        LIVE.register(email, Live.PASSWORD);
        RecoveryFlow flow = LIVE.kratos().recovery().start();

        var sent = LIVE.kratos().recovery().submit(flow, RecoveryMethod.Code.request(email));
        var wrong = LIVE.kratos().recovery().submit(flow, RecoveryMethod.Code.submit(Secret.of("000000")));
        String code = LIVE.code(email, CodePurpose.RECOVERY);
        var recovered = assertInstanceOf(RecoveryOutcome.Recovered.class,
                LIVE.kratos().recovery().submit(flow, RecoveryMethod.Code.submit(Secret.of(code))));
        var settings = LIVE.kratos().settings().afterRecovery(recovered);
        var saved = LIVE.kratos().settings().submit(settings, new SettingsMethod.Password(Secret.of("recovered-horse-battery-44")));

        assertInstanceOf(RecoveryOutcome.CodeSent.class, sent);
        assertTrue(assertInstanceOf(RecoveryOutcome.InvalidCode.class, wrong).flow().ui().hasMessage(4060006));
        assertInstanceOf(WhoamiOutcome.Active.class, LIVE.kratos().sessions().whoami(recovered.token()));
        assertInstanceOf(SettingsOutcome.Saved.class, saved);
        assertInstanceOf(LoginOutcome.Completed.class, LIVE.kratos().login().submit(LIVE.kratos().login().start(),
                new LoginMethod.Password(email, Secret.of("recovered-horse-battery-44"))));
    }

    @Test
    void recoveryForAnUnknownAddressLooksTheSameAndSendsNoCode() {
        String nobody = Live.newEmail("recovery-nobody");

        var outcome = LIVE.kratos().recovery().submit(LIVE.kratos().recovery().start(), RecoveryMethod.Code.request(nobody));

        assertInstanceOf(RecoveryOutcome.CodeSent.class, outcome);
        assertTrue(LIVE.server().mail().messagesFor(nobody).stream().noneMatch(m -> m.code().isPresent()), "no code for an unknown address");
    }

    @Test
    void verificationOfTheRegisteredAddress() {
        String email = Live.newEmail("verification");
        var done = assertInstanceOf(RegistrationOutcome.Completed.class, LIVE.kratos().registration().submit(LIVE.kratos().registration().start(),
                new RegistrationMethod.Password(Traits.email(email), Secret.of(Live.PASSWORD))));
        var flow = LIVE.kratos().verification().fetch(done.verificationFlow().orElseThrow());

        var wrong = LIVE.kratos().verification().submit(flow, VerificationMethod.Code.submit(Secret.of("000000")));
        String code = LIVE.code(email, CodePurpose.VERIFICATION);
        var verified = LIVE.kratos().verification().submit(flow, VerificationMethod.Code.submit(Secret.of(code)));
        var again = LIVE.kratos().verification().submit(flow, VerificationMethod.Code.submit(Secret.of(code)));

        assertEquals("sent_email", flow.state().orElseThrow());
        assertTrue(assertInstanceOf(VerificationOutcome.InvalidCode.class, wrong).flow().ui().hasMessage(4070006));
        assertTrue(assertInstanceOf(VerificationOutcome.Verified.class, verified).flow().ui().hasMessage(1080002));
        assertInstanceOf(VerificationOutcome.AlreadyUsed.class, again);
        var whoami = assertInstanceOf(WhoamiOutcome.Active.class, LIVE.kratos().sessions().whoami(done.token().orElseThrow()));
        assertTrue(whoami.session().identity().orElseThrow().verifiableAddresses().get(0).verified());
    }

    @Test
    void verificationStartedByTheClientWithResend() {
        String email = Live.newEmail("verification-resend");
        LIVE.register(email, Live.PASSWORD);
        var flow = LIVE.kratos().verification().start();

        var sent = assertInstanceOf(VerificationOutcome.CodeSent.class,
                LIVE.kratos().verification().submit(flow, VerificationMethod.Code.request(email)));
        var resent = LIVE.kratos().verification().submit(sent.flow(), VerificationMethod.Code.resend(email));

        assertInstanceOf(VerificationOutcome.CodeSent.class, resent);
    }
}
