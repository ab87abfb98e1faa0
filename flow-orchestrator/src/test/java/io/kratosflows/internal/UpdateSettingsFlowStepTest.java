package io.kratosflows.internal;

import io.kratosflows.testing.Samples;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.SessionToken;
import io.kratosflows.error.KratosErrorException;
import io.kratosflows.settings.SettingsFlow;
import io.kratosflows.settings.SettingsMethod;
import io.kratosflows.settings.SettingsOutcome;
import org.junit.jupiter.api.Test;

/** Every settings outcome from a recorded Kratos v26.2.0 response. */
class UpdateSettingsFlowStepTest {

    private static final SessionToken TOKEN = SessionToken.of("ory_st_settings");
    private static final SettingsMethod PASSWORD = new SettingsMethod.Password(io.kratosflows.Secret.of("new-password-123"));

    private static SettingsOutcome submitted(String fixture) {
        return UpdateSettingsFlowStep.outcome(Wire.recorded(fixture), Samples.settings(TOKEN), PASSWORD);
    }

    @Test
    void savedCarriesMessage1050001AndTheToken() {
        var saved = assertInstanceOf(SettingsOutcome.Saved.class, submitted("settings/submit-password-success.200.json"));

        assertTrue(saved.flow().saved());
        assertTrue(saved.flow().ui().hasMessage(1050001));
        assertEquals(TOKEN, saved.flow().sessionToken());
    }

    @Test
    void profileSaved() {
        var saved = assertInstanceOf(SettingsOutcome.Saved.class, submitted("settings/submit-profile-success.200.json"));

        assertEquals("Lovelace", saved.flow().identity().orElseThrow().traits().text("name.last").orElseThrow());
    }

    @Test
    void weakPasswordAndWrongTotpCodeNeedInput() {
        assertInstanceOf(SettingsOutcome.NeedsInput.class, submitted("settings/submit-password-too-short.400.json"));
        var totp = assertInstanceOf(SettingsOutcome.NeedsInput.class, submitted("settings/submit-totp-wrong-code.400.json"));

        assertTrue(totp.flow().ui().hasMessage(4000008));
    }

    @Test
    void staleSessionIsRefreshRequired() {
        var refresh = assertInstanceOf(SettingsOutcome.RefreshRequired.class, submitted("settings/submit-password-refresh-required.403.json"));

        assertTrue(refresh.error().is("session_refresh_required"));
        assertTrue(refresh.browserUrl().orElseThrow().contains("refresh=true"));
        assertTrue(refresh.failedReauthentication().isEmpty());
    }

    @Test
    void linkingAProviderNeedsABrowser() {
        var browser = assertInstanceOf(SettingsOutcome.BrowserRequired.class, submitted("settings/submit-oidc-link-browser-required.422.json"));

        assertTrue(browser.redirectBrowserTo().startsWith("https://github.com/"));
    }

    @Test
    void aal2RequiredIsSecondFactorRequiredOnSubmitAndAnErrorOnStart() {
        var submit = UpdateSettingsFlowStep.outcome(Wire.of(403, Wire.body("settings/create-aal2-required.403.json")), Samples.settings(TOKEN), PASSWORD);
        assertInstanceOf(SettingsOutcome.SecondFactorRequired.class, submit);

        var start = assertThrows(KratosErrorException.class,
                () -> FlowAnswers.flow("start settings flow", Wire.recorded("settings/create-aal2-required.403.json"), f -> FlowReader.settings(f, TOKEN)));
        assertTrue(start.error().is("session_aal2_required"));
        var noToken = assertThrows(KratosErrorException.class,
                () -> FlowAnswers.flow("start settings flow", Wire.recorded("settings/create-no-token.401.json"), f -> FlowReader.settings(f, TOKEN)));
        assertEquals(401, noToken.status());
    }

    @Test
    void totpSecretAndQrCodeAreExposedAndRedacted() {
        SettingsFlow flow = FlowAnswers.flow("start", Wire.recorded("settings/create.200.json"), f -> FlowReader.settings(f, TOKEN));

        String secret = flow.totpSecret().orElseThrow().reveal();
        assertTrue(secret.matches("[A-Z2-7]{16,}"), "base32 secret");
        assertTrue(flow.totpQrCode().orElseThrow().startsWith("data:image/png;base64,"));
        assertFalse(flow.toString().contains(secret), "the secret never prints");
    }

    @Test
    void regeneratedLookupSecretsAreShownNotSavedAndNeverPrinted() {
        for (String fixture : new String[] {"settings/submit-lookup-regenerate.200.json",
                "settings/submit-lookup-regenerate-after-saved.200.json"}) {
            var shown = assertInstanceOf(SettingsOutcome.LookupSecretsShown.class, UpdateSettingsFlowStep.outcome(
                    Wire.recorded(fixture), Samples.settings(TOKEN), SettingsMethod.LookupSecret.regenerate()), fixture);

            assertEquals(12, shown.codes().size());
            assertTrue(shown.confirmationRequired());
            assertFalse(shown.toString().contains(shown.codes().get(0).reveal()));
        }
    }

    @Test
    void confirmedLookupSecretsAreNotShownAgain() {
        var saved = assertInstanceOf(SettingsOutcome.Saved.class, submitted("settings/submit-lookup-confirm.200.json"));

        assertTrue(saved.flow().lookupSecrets().isEmpty());
    }
}
