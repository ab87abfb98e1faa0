package io.kratosflows.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.Secret;
import io.kratosflows.Traits;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.recovery.RecoveryMethod;
import io.kratosflows.recovery.RecoveryOutcome;
import io.kratosflows.registration.RegistrationMethod;
import io.kratosflows.registration.RegistrationOutcome;
import io.kratosflows.testkit.KratosServer;
import io.kratosflows.verification.VerificationMethod;
import io.kratosflows.verification.VerificationOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Expiry and replacement with 2-second flows: each flow's own contract, and the one-call restart. */
class ExpiryLiveIT {

    private static final long EXPIRE_MILLIS = 2_500;

    @RegisterExtension
    static final Live LIVE = Live.on(KratosServer.builder().name("short-lifespans")
            .set("selfservice.flows.login.lifespan", "2s")
            .set("selfservice.flows.registration.lifespan", "2s")
            .set("selfservice.flows.recovery.lifespan", "2s")
            .set("selfservice.flows.verification.lifespan", "2s")
            .build());

    @Test
    void expiredLoginNamesItsReplacementAndRestartContinues() throws InterruptedException {
        String email = Live.newEmail("expiry-login");
        LIVE.register(email, Live.PASSWORD);
        var flow = LIVE.kratos().login().start();
        Thread.sleep(EXPIRE_MILLIS);

        var expired = assertInstanceOf(LoginOutcome.FlowExpired.class,
                LIVE.kratos().login().submit(flow, new LoginMethod.Password(email, Secret.of(Live.PASSWORD))));
        var replacement = LIVE.kratos().login().restart(expired);

        assertTrue(expired.error().is("self_service_flow_expired"));
        assertEquals(expired.replacement().orElseThrow(), replacement.id());
        assertNotEquals(flow.id(), replacement.id());
        assertInstanceOf(LoginOutcome.Completed.class,
                LIVE.kratos().login().submit(replacement, new LoginMethod.Password(email, Secret.of(Live.PASSWORD))));
    }

    @Test
    void expiredRegistration() throws InterruptedException {
        var flow = LIVE.kratos().registration().start();
        Thread.sleep(EXPIRE_MILLIS);

        var expired = assertInstanceOf(RegistrationOutcome.FlowExpired.class, LIVE.kratos().registration().submit(flow,
                new RegistrationMethod.Password(Traits.email(Live.newEmail("expiry-reg")), Secret.of(Live.PASSWORD))));

        assertEquals(expired.replacement().orElseThrow(), LIVE.kratos().registration().restart(expired).id());
    }

    @Test
    void expiredRecoveryNamesTheNewFlowInContinueWith() throws InterruptedException {
        var flow = LIVE.kratos().recovery().start();
        Thread.sleep(EXPIRE_MILLIS);

        var expired = assertInstanceOf(RecoveryOutcome.FlowExpired.class,
                LIVE.kratos().recovery().submit(flow, RecoveryMethod.Code.request(Live.newEmail("expiry-recovery"))));

        assertTrue(expired.error().is("self_service_flow_expired"));
        assertEquals(expired.replacement().orElseThrow(), LIVE.kratos().recovery().restart(expired).id());
    }

    @Test
    void expiredVerificationRedirectsToANewFlow() throws InterruptedException {
        var flow = LIVE.kratos().verification().start();
        Thread.sleep(EXPIRE_MILLIS);

        var outcome = LIVE.kratos().verification().submit(flow, VerificationMethod.Code.request(Live.newEmail("expiry-verification")));

        var expired = assertInstanceOf(VerificationOutcome.FlowExpired.class, outcome);
        var fresh = LIVE.kratos().verification().restart(expired);
        assertNotEquals(flow.id(), fresh.id());
    }
}
