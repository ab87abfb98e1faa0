package io.kratosflows.live;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.settings.SettingsFlow;
import io.kratosflows.settings.SettingsMethod;
import io.kratosflows.settings.SettingsOutcome;
import io.kratosflows.testkit.KratosServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Settings against a real Kratos whose privileged window is 2 s: a stale session is refused with
 * {@code session_refresh_required}, and the native re-authentication recovers from it.
 */
class SettingsReauthenticationLiveIT {

    private static final long PRIVILEGED_WINDOW_MILLIS = 2_000;

    @RegisterExtension
    static final Live LIVE = Live.on(KratosServer.builder().name("short-privilege")
            .set("selfservice.flows.settings.privileged_session_max_age", "2s")
            .build());

    @Test
    void passwordChangeAfterThePrivilegedWindowReauthenticatesNatively() throws InterruptedException {
        String email = Live.newEmail("settings-reauth");
        SessionToken token = LIVE.register(email, Live.PASSWORD);
        SettingsFlow flow = LIVE.kratos().settings().start(token);
        Thread.sleep(PRIVILEGED_WINDOW_MILLIS + 500);

        var stale = LIVE.kratos().settings().submit(flow, new SettingsMethod.Password(Secret.of("another-horse-battery-43")));
        var saved = LIVE.kratos().settings().submitReauthenticating(flow, new SettingsMethod.Password(Secret.of("another-horse-battery-43")),
                loginFlow -> new LoginMethod.Password(email, Secret.of(Live.PASSWORD)));

        assertTrue(assertInstanceOf(SettingsOutcome.RefreshRequired.class, stale).error().is("session_refresh_required"));
        assertInstanceOf(SettingsOutcome.Saved.class, saved);
        assertInstanceOf(LoginOutcome.Completed.class, LIVE.kratos().login().submit(LIVE.kratos().login().start(),
                new LoginMethod.Password(email, Secret.of("another-horse-battery-43"))));
    }

    @Test
    void failedReauthenticationIsReportedWithTheLoginOutcome() throws InterruptedException {
        String email = Live.newEmail("settings-reauth-fail");
        SessionToken token = LIVE.register(email, Live.PASSWORD);
        SettingsFlow flow = LIVE.kratos().settings().start(token);
        Thread.sleep(PRIVILEGED_WINDOW_MILLIS + 500);

        var outcome = LIVE.kratos().settings().submitReauthenticating(flow, new SettingsMethod.Password(Secret.of("another-horse-battery-43")),
                loginFlow -> new LoginMethod.Password(email, Secret.of("wrong-password-123")));

        var refresh = assertInstanceOf(SettingsOutcome.RefreshRequired.class, outcome);
        assertInstanceOf(LoginOutcome.NeedsInput.class, refresh.failedReauthentication().orElseThrow());
    }
}
