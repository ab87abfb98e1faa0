package io.kratosflows.live;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.Kratos;
import io.kratosflows.Secret;
import io.kratosflows.Traits;
import io.kratosflows.recovery.RecoveryMethod;
import io.kratosflows.recovery.RecoveryOutcome;
import io.kratosflows.registration.RegistrationMethod;
import io.kratosflows.registration.RegistrationOutcome;
import io.kratosflows.testkit.CodePurpose;
import io.kratosflows.testkit.KratosServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Server settings that change what a native client gets: no session hook after registration,
 * no continue-with transitions for recovery, and a method the server does not offer.
 */
class AlternateBehaviourLiveIT {

    @RegisterExtension
    static final KratosServer SERVER = KratosServer.builder().name("alternate")
            .set("selfservice.flows.registration.after.password.hooks", List.of())
            .set("feature_flags.use_continue_with_transitions", false)
            .set("selfservice.methods.passkey.enabled", false)
            .build();
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
    void registrationWithoutTheSessionHookCompletesWithoutASession() {
        var outcome = kratos.registration().submit(kratos.registration().start(),
                new RegistrationMethod.Password(Traits.email(Live.newEmail("no-session")), Secret.of(Live.PASSWORD)));

        var done = assertInstanceOf(RegistrationOutcome.Completed.class, outcome);
        assertTrue(done.session().isEmpty());
        assertTrue(done.token().isEmpty());
    }

    @Test
    void recoveryWithoutContinueWithTransitionsNeedsABrowserAndSaysWhy() {
        String email = Live.newEmail("legacy-recovery");
        kratos.registration().submit(kratos.registration().start(),
                new RegistrationMethod.Password(Traits.email(email), Secret.of(Live.PASSWORD)));
        var flow = kratos.recovery().start();
        assertInstanceOf(RecoveryOutcome.CodeSent.class, kratos.recovery().submit(flow, RecoveryMethod.Code.request(email)));

        var outcome = kratos.recovery().submit(flow, RecoveryMethod.Code.submit(
                Secret.of(Live.code(SERVER, email, CodePurpose.RECOVERY))));

        var browser = assertInstanceOf(RecoveryOutcome.BrowserRequired.class, outcome);
        assertTrue(browser.hint().contains("use_continue_with_transitions"));
        assertTrue(browser.error().is("browser_location_change_required"));
    }

    @Test
    void aMethodTheServerDoesNotOfferIsReportedAsNotSupported() {
        var outcome = kratos.registration().submit(kratos.registration().start(),
                new RegistrationMethod.Passkey(Traits.email(Live.newEmail("no-passkey")), "{}"));

        var unavailable = assertInstanceOf(RegistrationOutcome.MethodUnavailable.class, outcome);
        assertTrue(unavailable.method().equals("passkey"));
    }
}
