package io.kratosflows.live;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.Kratos;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.login.LoginFlow;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOptions;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.testkit.KratosServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A refresh login submitted after its flow expired: Kratos answers 400 with the old flow saying "a
 * valid session was detected" instead of 410 (all versions); the library reports the expiry, and
 * {@code restart} continues with a new refresh flow.
 */
class RefreshExpiryLiveIT {

    @RegisterExtension
    static final Live LIVE = Live.on(KratosServer.builder().name("short-login-lifespan")
            .set("selfservice.flows.login.lifespan", "2s").build());

    @Test
    void anExpiredRefreshFlowIsFlowExpiredAndRestartCompletes() throws InterruptedException {
        String email = Live.newEmail("refresh-expiry");
        SessionToken token = LIVE.register(email, Live.PASSWORD);
        LoginOptions refresh = LoginOptions.refresh(token);
        LoginFlow flow = LIVE.kratos().login().start(refresh);
        Thread.sleep(3_000);

        var expired = assertInstanceOf(LoginOutcome.FlowExpired.class,
                LIVE.kratos().login().submit(flow, new LoginMethod.Password(email, Secret.of(Live.PASSWORD))));
        assertTrue(expired.expiredAt().isPresent());

        LoginFlow fresh = LIVE.kratos().login().restart(expired, refresh);
        assertNotEquals(flow.id(), fresh.id());
        assertTrue(fresh.refresh());
        assertInstanceOf(LoginOutcome.Completed.class, LIVE.kratos().login().submit(fresh, new LoginMethod.Password(email, Secret.of(Live.PASSWORD))));
    }
}
