package io.kratosflows.live;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.Secret;
import io.kratosflows.Traits;
import io.kratosflows.recovery.RecoveryMethod;
import io.kratosflows.recovery.RecoveryOutcome;
import io.kratosflows.registration.RegistrationMethod;
import io.kratosflows.registration.RegistrationOutcome;
import io.kratosflows.testkit.CodePurpose;
import io.kratosflows.testkit.KratosServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Server settings that change what a native client gets: no session hook after registration,
 * no continue-with transitions for recovery, and a method the server does not offer.
 */
class AlternateBehaviourLiveIT {

    @RegisterExtension
    static final Live LIVE = Live.on(KratosServer.builder().name("alternate")
            .set("selfservice.flows.registration.after.password.hooks", List.of())
            .set("feature_flags.use_continue_with_transitions", false)
            .set("selfservice.methods.passkey.enabled", false)
            .build());

    @Test
    void registrationWithoutTheSessionHookCompletesWithoutASession() {
        var outcome = LIVE.kratos().registration().submit(LIVE.kratos().registration().start(),
                new RegistrationMethod.Password(Traits.email(Live.newEmail("no-session")), Secret.of(Live.PASSWORD)));

        var done = assertInstanceOf(RegistrationOutcome.Completed.class, outcome);
        assertTrue(done.session().isEmpty());
        assertTrue(done.token().isEmpty());
    }

    @Test
    void recoveryWithoutContinueWithTransitionsNeedsABrowserAndSaysWhy() {
        String email = Live.newEmail("legacy-recovery");
        LIVE.kratos().registration().submit(LIVE.kratos().registration().start(),
                new RegistrationMethod.Password(Traits.email(email), Secret.of(Live.PASSWORD)));
        var flow = LIVE.kratos().recovery().start();
        assertInstanceOf(RecoveryOutcome.CodeSent.class, LIVE.kratos().recovery().submit(flow, RecoveryMethod.Code.request(email)));

        var outcome = LIVE.kratos().recovery().submit(flow, RecoveryMethod.Code.submit(
                Secret.of(LIVE.code(email, CodePurpose.RECOVERY))));

        var browser = assertInstanceOf(RecoveryOutcome.BrowserRequired.class, outcome);
        assertTrue(browser.hint().contains("use_continue_with_transitions"));
        assertTrue(browser.error().is("browser_location_change_required"));
    }

    @Test
    void aMethodTheServerDoesNotOfferIsReportedAsNotSupported() {
        var outcome = LIVE.kratos().registration().submit(LIVE.kratos().registration().start(),
                new RegistrationMethod.Passkey(Traits.email(Live.newEmail("no-passkey")), "{}"));

        var unavailable = assertInstanceOf(RegistrationOutcome.MethodUnavailable.class, outcome);
        assertTrue(unavailable.method().equals("passkey"));
    }
}
