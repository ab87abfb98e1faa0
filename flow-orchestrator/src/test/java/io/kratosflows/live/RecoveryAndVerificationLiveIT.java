package io.kratosflows.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.Kratos;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Recovery by code ending in a new password, and verification by code: wrong codes are HTTP 200. */
class RecoveryAndVerificationLiveIT {

    @RegisterExtension
    static final KratosServer SERVER = KratosServer.defaults();
    private static Kratos kratos;

    @BeforeAll
    static void connect() {
        kratos = Live.client(SERVER);
    }

    @AfterAll
    static void close() {
        kratos.close();
    }

    @Test
    void recoveryByCodeEndsInAPasswordChange() {
        String email = Live.newEmail("recovery");
        Live.register(kratos, email, Live.PASSWORD);
        RecoveryFlow flow = kratos.recovery().start();

        var sent = kratos.recovery().submit(flow, RecoveryMethod.Code.request(email));
        var wrong = kratos.recovery().submit(flow, RecoveryMethod.Code.submit(Secret.of("000000")));
        String code = Live.code(SERVER, email, CodePurpose.RECOVERY);
        var recovered = assertInstanceOf(RecoveryOutcome.Recovered.class,
                kratos.recovery().submit(flow, RecoveryMethod.Code.submit(Secret.of(code))));
        var settings = kratos.settings().afterRecovery(recovered);
        var saved = kratos.settings().submit(settings, new SettingsMethod.Password(Secret.of("recovered-horse-battery-44")));

        assertInstanceOf(RecoveryOutcome.CodeSent.class, sent);
        assertTrue(assertInstanceOf(RecoveryOutcome.InvalidCode.class, wrong).flow().ui().hasMessage(4060006));
        assertInstanceOf(WhoamiOutcome.Active.class, kratos.sessions().whoami(recovered.token()));
        assertInstanceOf(SettingsOutcome.Saved.class, saved);
        assertInstanceOf(LoginOutcome.Completed.class, kratos.login().submit(kratos.login().start(),
                new LoginMethod.Password(email, Secret.of("recovered-horse-battery-44"))));
    }

    @Test
    void recoveryForAnUnknownAddressLooksTheSameAndSendsNoCode() {
        String nobody = Live.newEmail("recovery-nobody");

        var outcome = kratos.recovery().submit(kratos.recovery().start(), RecoveryMethod.Code.request(nobody));

        assertInstanceOf(RecoveryOutcome.CodeSent.class, outcome);
        assertTrue(SERVER.mail().messagesFor(nobody).stream().noneMatch(m -> m.code().isPresent()), "no code for an unknown address");
    }

    @Test
    void verificationOfTheRegisteredAddress() {
        String email = Live.newEmail("verification");
        var done = assertInstanceOf(RegistrationOutcome.Completed.class, kratos.registration().submit(kratos.registration().start(),
                new RegistrationMethod.Password(Traits.email(email), Secret.of(Live.PASSWORD))));
        var flow = kratos.verification().fetch(done.verificationFlow().orElseThrow());

        var wrong = kratos.verification().submit(flow, VerificationMethod.Code.submit(Secret.of("000000")));
        String code = Live.code(SERVER, email, CodePurpose.VERIFICATION);
        var verified = kratos.verification().submit(flow, VerificationMethod.Code.submit(Secret.of(code)));
        var again = kratos.verification().submit(flow, VerificationMethod.Code.submit(Secret.of(code)));

        assertEquals("sent_email", flow.state().orElseThrow());
        assertTrue(assertInstanceOf(VerificationOutcome.InvalidCode.class, wrong).flow().ui().hasMessage(4070006));
        assertTrue(assertInstanceOf(VerificationOutcome.Verified.class, verified).flow().ui().hasMessage(1080002));
        assertInstanceOf(VerificationOutcome.AlreadyUsed.class, again);
        var whoami = assertInstanceOf(WhoamiOutcome.Active.class, kratos.sessions().whoami(done.token().orElseThrow()));
        assertTrue(whoami.session().identity().orElseThrow().verifiableAddresses().get(0).verified());
    }

    @Test
    void verificationStartedByTheClientWithResend() {
        String email = Live.newEmail("verification-resend");
        Live.register(kratos, email, Live.PASSWORD);
        var flow = kratos.verification().start();

        var sent = assertInstanceOf(VerificationOutcome.CodeSent.class,
                kratos.verification().submit(flow, VerificationMethod.Code.request(email)));
        var resent = kratos.verification().submit(sent.flow(), VerificationMethod.Code.resend(email));

        assertInstanceOf(VerificationOutcome.CodeSent.class, resent);
    }
}
