package io.kratosflows.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.Kratos;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.Traits;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.settings.SettingsFlow;
import io.kratosflows.settings.SettingsMethod;
import io.kratosflows.settings.SettingsOutcome;
import io.kratosflows.testkit.KratosServer;
import io.kratosflows.testkit.Totp;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Settings against a real Kratos whose privileged window is 2 s, so that re-authentication is
 * exercised: profile, password, TOTP link/unlink, lookup codes, social link hand-over.
 */
class SettingsLiveIT {

    private static final long PRIVILEGED_WINDOW_MILLIS = 2_000;

    @RegisterExtension
    static final KratosServer SERVER = KratosServer.builder().name("short-privilege")
            .set("selfservice.flows.settings.privileged_session_max_age", "2s")
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
    void profileAndWeakPassword() {
        String email = Live.newEmail("settings-profile");
        SessionToken token = Live.register(kratos, email, Live.PASSWORD);
        SettingsFlow flow = kratos.settings().start(token);

        var saved = kratos.settings().submit(flow, new SettingsMethod.Profile(
                Traits.of(Map.of("email", email, "name", Map.of("first", "Ada", "last", "Lovelace")))));
        var weak = kratos.settings().submit(flow, new SettingsMethod.Password(Secret.of("short")));

        var savedFlow = assertInstanceOf(SettingsOutcome.Saved.class, saved).flow();
        assertTrue(savedFlow.ui().hasMessage(1050001));
        assertEquals("Lovelace", savedFlow.identity().orElseThrow().traits().text("name.last").orElseThrow());
        assertInstanceOf(SettingsOutcome.NeedsInput.class, weak);
    }

    @Test
    void passwordChangeAfterThePrivilegedWindowReauthenticatesNatively() throws InterruptedException {
        String email = Live.newEmail("settings-reauth");
        SessionToken token = Live.register(kratos, email, Live.PASSWORD);
        SettingsFlow flow = kratos.settings().start(token);
        Thread.sleep(PRIVILEGED_WINDOW_MILLIS + 500);

        var stale = kratos.settings().submit(flow, new SettingsMethod.Password(Secret.of("another-horse-battery-43")));
        var saved = kratos.settings().submitReauthenticating(flow, new SettingsMethod.Password(Secret.of("another-horse-battery-43")),
                loginFlow -> new LoginMethod.Password(email, Secret.of(Live.PASSWORD)));

        assertTrue(assertInstanceOf(SettingsOutcome.RefreshRequired.class, stale).error().is("session_refresh_required"));
        assertInstanceOf(SettingsOutcome.Saved.class, saved);
        assertInstanceOf(LoginOutcome.Completed.class, kratos.login().submit(kratos.login().start(),
                new LoginMethod.Password(email, Secret.of("another-horse-battery-43"))));
    }

    @Test
    void failedReauthenticationIsReportedWithTheLoginOutcome() throws InterruptedException {
        String email = Live.newEmail("settings-reauth-fail");
        SessionToken token = Live.register(kratos, email, Live.PASSWORD);
        SettingsFlow flow = kratos.settings().start(token);
        Thread.sleep(PRIVILEGED_WINDOW_MILLIS + 500);

        var outcome = kratos.settings().submitReauthenticating(flow, new SettingsMethod.Password(Secret.of("another-horse-battery-43")),
                loginFlow -> new LoginMethod.Password(email, Secret.of("wrong-password-123")));

        var refresh = assertInstanceOf(SettingsOutcome.RefreshRequired.class, outcome);
        assertInstanceOf(LoginOutcome.NeedsInput.class, refresh.failedReauthentication().orElseThrow());
    }

    @Test
    void totpLinkAndUnlinkAndLookupCodes() {
        SessionToken token = Live.register(kratos, Live.newEmail("settings-2fa"), Live.PASSWORD);
        SettingsFlow flow = kratos.settings().start(token);
        assertTrue(flow.totpQrCode().orElseThrow().startsWith("data:image/png;base64,"));

        var wrong = kratos.settings().submit(flow, SettingsMethod.Totp.link(Secret.of("000000")));
        var linked = kratos.settings().submit(flow, SettingsMethod.Totp.link(Secret.of(Totp.freshCode(flow.totpSecret().orElseThrow().reveal()))));
        var unlinked = kratos.settings().submit(assertInstanceOf(SettingsOutcome.Saved.class, linked).flow(), SettingsMethod.Totp.unlinkApp());
        var regenerated = kratos.settings().submit(flow, new SettingsMethod.LookupSecret(SettingsMethod.LookupSecret.Action.REGENERATE));
        var confirmed = kratos.settings().submit(flow, new SettingsMethod.LookupSecret(SettingsMethod.LookupSecret.Action.CONFIRM));
        var revealed = kratos.settings().submit(flow, new SettingsMethod.LookupSecret(SettingsMethod.LookupSecret.Action.REVEAL));
        var disabled = kratos.settings().submit(flow, new SettingsMethod.LookupSecret(SettingsMethod.LookupSecret.Action.DISABLE));

        assertTrue(assertInstanceOf(SettingsOutcome.NeedsInput.class, wrong).flow().ui().hasMessage(4000008));
        assertTrue(assertInstanceOf(SettingsOutcome.Saved.class, unlinked).flow().totpQrCode().isPresent(), "TOTP can be linked again");
        var codes = assertInstanceOf(SettingsOutcome.Saved.class, regenerated).flow().lookupSecrets();
        assertEquals(12, codes.size());
        assertInstanceOf(SettingsOutcome.Saved.class, confirmed);
        assertEquals(codes, assertInstanceOf(SettingsOutcome.Saved.class, revealed).flow().lookupSecrets());
        assertTrue(assertInstanceOf(SettingsOutcome.Saved.class, disabled).flow().lookupSecrets().isEmpty());
    }

    @Test
    void linkingASocialProviderNeedsABrowser() {
        SessionToken token = Live.register(kratos, Live.newEmail("settings-oidc"), Live.PASSWORD);

        var outcome = kratos.settings().submit(kratos.settings().start(token), SettingsMethod.Oidc.link("github"));

        assertTrue(assertInstanceOf(SettingsOutcome.BrowserRequired.class, outcome).redirectBrowserTo().contains("github.com"));
    }
}
