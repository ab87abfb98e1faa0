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
import io.kratosflows.Secret;
import io.kratosflows.Traits;
import io.kratosflows.error.InvalidInputException;
import io.kratosflows.error.UnexpectedResponseException;
import io.kratosflows.ui.Ui;
import io.kratosflows.settings.SettingsMethod;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    @Test
    void everyMethodSendsOnlyThePressedAction() {
        Map<SettingsMethod, String> bodies = new LinkedHashMap<>();
        bodies.put(new SettingsMethod.Profile(Traits.email("ada@example.org")),
                "{\"method\":\"profile\",\"traits\":{\"email\":\"ada@example.org\"},\"csrf_token\":\"c\"}");
        bodies.put(new SettingsMethod.Password(Secret.of("pw")), "{\"method\":\"password\",\"password\":\"pw\",\"csrf_token\":\"c\"}");
        bodies.put(SettingsMethod.Totp.link(Secret.of("123456")), "{\"method\":\"totp\",\"totp_code\":\"123456\",\"csrf_token\":\"c\"}");
        bodies.put(SettingsMethod.Totp.unlinkApp(), "{\"method\":\"totp\",\"totp_unlink\":true,\"csrf_token\":\"c\"}");
        for (SettingsMethod.LookupSecret.Action action : SettingsMethod.LookupSecret.Action.values()) {
            bodies.put(new SettingsMethod.LookupSecret(action), "{\"method\":\"lookup_secret\",\"lookup_secret_"
                    + action.name().toLowerCase(java.util.Locale.ROOT) + "\":true,\"csrf_token\":\"c\"}");
        }
        bodies.put(SettingsMethod.Passkey.add("{}"), "{\"method\":\"passkey\",\"passkey_settings_register\":\"{}\",\"csrf_token\":\"c\"}");
        bodies.put(SettingsMethod.Passkey.remove("cred-1"), "{\"method\":\"passkey\",\"passkey_remove\":\"cred-1\",\"csrf_token\":\"c\"}");
        bodies.put(SettingsMethod.Oidc.link("github"), "{\"method\":\"oidc\",\"link\":\"github\"}");
        bodies.put(SettingsMethod.Oidc.unlink("github"), "{\"method\":\"oidc\",\"unlink\":\"github\"}");

        bodies.forEach((method, json) -> assertEquals(FakeCalls.tree(json), FakeCalls.json(UpdateSettingsFlowStep.body(method, "c")),
                method.toString()));
    }

    @Test
    void theOperationSendsTheFlowsTokenAndCsrfToken() {
        ObjectNode body = (ObjectNode) Wire.recorded("settings/create.200.json").json();
        body.path("ui").path("nodes").forEach(n -> {
            if (n.path("attributes").path("name").asText().equals("csrf_token")) {
                ((ObjectNode) n.path("attributes")).put("value", "csrf-1"); // native flows leave it empty; browser flows fill it
            }
        });
        SettingsFlow flow = FlowReader.settings(body, TOKEN);

        var operation = UpdateSettingsFlowStep.operation(flow, new SettingsMethod.Password(Secret.of("pw")));

        assertEquals(Map.of("?flow", flow.id().value(), "X-Session-Token", TOKEN.reveal()), FakeCalls.sent(operation));
        assertEquals("csrf-1", FakeCalls.json(operation.body()).path("csrf_token").asText());
        assertFalse(FakeCalls.json(UpdateSettingsFlowStep.operation(Samples.settings(TOKEN), new SettingsMethod.Password(Secret.of("pw"))).body())
                .has("csrf_token"), "no CSRF node, no csrf_token");
    }

    @Test
    void aMethodTheFlowDoesNotOfferIsAnsweredWithoutACall() {
        ObjectNode body = (ObjectNode) Wire.recorded("settings/create.200.json").json();
        var nodes = (com.fasterxml.jackson.databind.node.ArrayNode) body.path("ui").path("nodes");
        for (int i = nodes.size() - 1; i >= 0; i--) {
            if (!java.util.List.of("default", "password").contains(nodes.get(i).path("group").asText())) {
                nodes.remove(i);
            }
        }
        SettingsFlow passwordOnly = FlowReader.settings(body, TOKEN);

        var outcome = UpdateSettingsFlowStep.run(FakeCalls.OFFLINE, passwordOnly, SettingsMethod.Oidc.link("github"));

        assertEquals("oidc", assertInstanceOf(SettingsOutcome.MethodUnavailable.class, outcome).method());
    }

    @Test
    void runPostsTheBodyWithTheTokenAndMapsTheAnswer() {
        var sent = FakeCalls.exchange("settings/submit-password-success.200.json",
                calls -> UpdateSettingsFlowStep.run(calls, Samples.settings(TOKEN), new SettingsMethod.Password(Secret.of("pw"))));

        assertEquals("POST /self-service/settings?flow=" + Samples.ID.value(), sent.line());
        assertEquals(TOKEN.reveal(), sent.request().header("X-Session-Token"));
        assertEquals(FakeCalls.tree("{\"method\":\"password\",\"password\":\"pw\"}"), sent.body());
        assertInstanceOf(SettingsOutcome.Saved.class, sent.outcome());
        assertThrows(InvalidInputException.class, () -> UpdateSettingsFlowStep.run(FakeCalls.OFFLINE_VALIDATING, Samples.settings(TOKEN),
                new SettingsMethod.Password(Secret.of(""))));
    }

    @Test
    void aFlowIsSavedOnlyWith200AndNoErrors() {
        String saved = Wire.body("settings/submit-password-success.200.json");
        ObjectNode unsupported = (ObjectNode) Wire.recorded("settings/submit-password-success.200.json").json();
        ((ObjectNode) unsupported.path("ui")).putArray("messages").addObject().put("id", 4010002).put("type", "error").put("text", "x");

        assertInstanceOf(SettingsOutcome.NeedsInput.class, UpdateSettingsFlowStep.outcome(Wire.of(400, saved), Samples.settings(TOKEN), PASSWORD));
        assertThrows(UnexpectedResponseException.class, () -> UpdateSettingsFlowStep.outcome(Wire.of(500, saved), Samples.settings(TOKEN), PASSWORD));
        assertInstanceOf(SettingsOutcome.NeedsInput.class,
                UpdateSettingsFlowStep.outcome(Wire.of(200, Wire.body("settings/submit-password-too-short.400.json")), Samples.settings(TOKEN), PASSWORD));
        assertTrue(assertInstanceOf(SettingsOutcome.MethodUnavailable.class,
                UpdateSettingsFlowStep.outcome(Wire.of(200, unsupported.toString()), Samples.settings(TOKEN), SettingsMethod.Passkey.remove("x"))).error().isEmpty());
    }

    @Test
    void refreshAndSecondFactorAreOnly403s() {
        String refresh = Wire.body("settings/submit-password-refresh-required.403.json");
        String aal2 = Wire.body("settings/create-aal2-required.403.json");

        assertThrows(KratosErrorException.class, () -> UpdateSettingsFlowStep.outcome(Wire.of(401, refresh), Samples.settings(TOKEN), PASSWORD));
        assertThrows(KratosErrorException.class, () -> UpdateSettingsFlowStep.outcome(Wire.of(401, aal2), Samples.settings(TOKEN), PASSWORD));
        assertThrows(KratosErrorException.class, () -> UpdateSettingsFlowStep.outcome(
                Wire.of(403, "{\"error\":{\"id\":\"security_csrf_violation\",\"code\":403}}"), Samples.settings(TOKEN), PASSWORD));
        var second = assertInstanceOf(SettingsOutcome.SecondFactorRequired.class,
                UpdateSettingsFlowStep.outcome(Wire.of(403, aal2), Samples.settings(TOKEN), PASSWORD));
        assertTrue(second.error().is("session_aal2_required"));
    }

    @Test
    void revealedLookupSecretsAreShownWhetherTheFlowWasSavedBeforeOrNot() {
        for (String fixture : new String[] {"settings/lookup-reveal-new-flow.200.json", "settings/lookup-reveal-same-flow.200.json"}) {
            var shown = assertInstanceOf(SettingsOutcome.LookupSecretsShown.class, UpdateSettingsFlowStep.outcome(
                    Wire.recorded(fixture), Samples.settings(TOKEN), SettingsMethod.LookupSecret.reveal()), fixture);
            assertFalse(shown.confirmationRequired(), fixture);
        }
    }
}
