package io.kratosflows.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.Traits;
import io.kratosflows.settings.SettingsFlow;
import io.kratosflows.settings.SettingsMethod;
import io.kratosflows.settings.SettingsOutcome;
import io.kratosflows.testkit.KratosServer;
import io.kratosflows.testkit.Totp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Settings against a real Kratos with the default privileged window: profile, password, TOTP
 * link/unlink, lookup codes, social link hand-over. Re-authentication has its own class
 * ({@link SettingsReauthenticationLiveIT}), because its 2-second window would expire in the middle
 * of these longer sequences (a fresh TOTP code may wait for the next 30-second step).
 */
class SettingsLiveIT {

    @RegisterExtension
    static final Live LIVE = Live.on(KratosServer.defaults());

    @Test
    void profileAndWeakPassword() {
        String email = Live.newEmail("settings-profile");
        SessionToken token = LIVE.register(email, Live.PASSWORD);
        SettingsFlow flow = LIVE.kratos().settings().start(token);

        var saved = LIVE.kratos().settings().submit(flow, new SettingsMethod.Profile(
                Traits.of(Map.of("email", email, "name", Map.of("first", "Ada", "last", "Lovelace")))));
        var weak = LIVE.kratos().settings().submit(flow, new SettingsMethod.Password(Secret.of("short")));

        var savedFlow = assertInstanceOf(SettingsOutcome.Saved.class, saved).flow();
        assertTrue(savedFlow.ui().hasMessage(1050001));
        assertEquals("Lovelace", savedFlow.identity().orElseThrow().traits().text("name.last").orElseThrow());
        assertInstanceOf(SettingsOutcome.NeedsInput.class, weak);
    }

    @Test
    void totpLinkAndUnlinkAndLookupCodes() {
        SessionToken token = LIVE.register(Live.newEmail("settings-2fa"), Live.PASSWORD);
        SettingsFlow flow = LIVE.kratos().settings().start(token);
        assertTrue(flow.totpQrCode().orElseThrow().startsWith("data:image/png;base64,"));

        var wrong = LIVE.kratos().settings().submit(flow, SettingsMethod.Totp.link(Secret.of("000000")));
        var linked = LIVE.kratos().settings().submit(flow, SettingsMethod.Totp.link(Secret.of(Totp.freshCode(flow.totpSecret().orElseThrow().reveal()))));
        var unlinked = LIVE.kratos().settings().submit(assertInstanceOf(SettingsOutcome.Saved.class, linked).flow(), SettingsMethod.Totp.unlinkApp());
        var regenerated = LIVE.kratos().settings().submit(flow, new SettingsMethod.LookupSecret(SettingsMethod.LookupSecret.Action.REGENERATE));
        var confirmed = LIVE.kratos().settings().submit(flow, new SettingsMethod.LookupSecret(SettingsMethod.LookupSecret.Action.CONFIRM));
        var revealed = LIVE.kratos().settings().submit(flow, new SettingsMethod.LookupSecret(SettingsMethod.LookupSecret.Action.REVEAL));
        var disabled = LIVE.kratos().settings().submit(flow, new SettingsMethod.LookupSecret(SettingsMethod.LookupSecret.Action.DISABLE));

        assertTrue(assertInstanceOf(SettingsOutcome.NeedsInput.class, wrong).flow().ui().hasMessage(4000008));
        assertTrue(assertInstanceOf(SettingsOutcome.Saved.class, unlinked).flow().totpQrCode().isPresent(), "TOTP can be linked again");
        var codes = assertInstanceOf(SettingsOutcome.LookupSecretsShown.class, regenerated).codes();
        assertEquals(12, codes.size());
        assertInstanceOf(SettingsOutcome.Saved.class, confirmed);
        assertEquals(codes, assertInstanceOf(SettingsOutcome.LookupSecretsShown.class, revealed).codes());
        assertTrue(assertInstanceOf(SettingsOutcome.Saved.class, disabled).flow().lookupSecrets().isEmpty());
    }

    @Test
    void linkingASocialProviderNeedsABrowser() {
        SessionToken token = LIVE.register(Live.newEmail("settings-oidc"), Live.PASSWORD);

        var outcome = LIVE.kratos().settings().submit(LIVE.kratos().settings().start(token), SettingsMethod.Oidc.link("github"));

        if (LIVE.server().version().isAtLeast(26, 0)) {
            assertTrue(assertInstanceOf(SettingsOutcome.BrowserRequired.class, outcome).redirectBrowserTo().contains("github.com"));
        } else {
            // v25.4 and v1.3 offer oidc in browser settings flows only.
            assertInstanceOf(SettingsOutcome.MethodUnavailable.class, outcome);
        }
    }
}
