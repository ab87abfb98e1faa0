package io.kratosflows.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.FlowId;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.ui.MessageType;
import io.kratosflows.ui.NodeAttributes;
import io.kratosflows.ui.NodeType;
import io.kratosflows.ui.Ui;
import io.kratosflows.ui.UiMessage;
import io.kratosflows.ui.UiNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a settings flow reads from its nodes (methods, TOTP secret, CSRF token, state), and the settings payloads' own checks. */
class SettingsFlowTest {

    private static UiNode node(String group, NodeAttributes attributes) {
        return new UiNode(NodeType.UNKNOWN, "x", group, attributes, List.of(), Optional.empty());
    }

    private static UiNode csrf(Object value) {
        return node("default", new NodeAttributes.Input("csrf_token", "hidden", Optional.ofNullable(value), true, false,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    private static UiNode secretText(String text, Map<String, Object> context) {
        return node("totp", new NodeAttributes.Text("totp_secret_key", new UiMessage(1050006, MessageType.INFO, "info", text, context)));
    }

    private static SettingsFlow flow(Optional<String> state, UiNode... nodes) {
        return new SettingsFlow(FlowId.of("f"), "api", state, Optional.empty(), Optional.empty(),
                new Ui("https://kratos.example/self-service/settings?flow=f", "POST", List.of(nodes), List.of()), Optional.empty(),
                List.of(), SessionToken.of("ory_st_x"));
    }

    @Test
    void methodsAreTheGroupsOfTheForm() {
        assertEquals(List.of("totp"), flow(Optional.empty(), csrf("t"), secretText("S", Map.of())).methods());
    }

    @Test
    void savedMeansStateSuccess() {
        assertTrue(flow(Optional.of("success")).saved());
        assertFalse(flow(Optional.of("show_form")).saved());
        assertFalse(flow(Optional.empty()).saved());
    }

    @Test
    void theTotpSecretComesFromTheContextOrTheTextAndIsNeverBlank() {
        assertEquals("JBSW", flow(Optional.empty(), secretText("ignored", Map.of("secret", "JBSW"))).totpSecret().orElseThrow().reveal());
        assertEquals("KRSX", flow(Optional.empty(), secretText("KRSX", Map.of())).totpSecret().orElseThrow().reveal());
        assertEquals(Optional.empty(), flow(Optional.empty(), secretText(" ", Map.of())).totpSecret());
        assertEquals(Optional.empty(), flow(Optional.empty()).totpSecret());
    }

    @Test
    void theCsrfTokenIsTheHiddenInputWhenItHasAValue() {
        assertEquals(Optional.of("tok"), flow(Optional.empty(), csrf("tok")).csrfToken());
        assertEquals(Optional.empty(), flow(Optional.empty(), csrf("")).csrfToken());
        assertEquals(Optional.empty(), flow(Optional.empty(), csrf(null)).csrfToken());
        assertEquals(Optional.empty(), flow(Optional.empty()).csrfToken());
    }

    @Test
    void payloadsThatWouldSendNothingOrTwoActionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SettingsMethod.Totp(Optional.of(Secret.of("1")), true));
        assertThrows(IllegalArgumentException.class, () -> new SettingsMethod.Totp(Optional.empty(), false));
        assertThrows(IllegalArgumentException.class, () -> new SettingsMethod.Passkey(Optional.of("{}"), Optional.of("id")));
        assertThrows(IllegalArgumentException.class, () -> new SettingsMethod.Passkey(Optional.empty(), Optional.empty()));
        assertTrue(SettingsMethod.Totp.unlinkApp().unlink());
        assertEquals(Optional.of("id"), SettingsMethod.Passkey.remove("id").remove());
    }

    @Test
    void methodNamesAreKratosGroups() {
        assertEquals(List.of("profile", "password", "totp", "lookup_secret", "passkey", "oidc"), List.of(
                new SettingsMethod.Profile(io.kratosflows.Traits.email("a@b.org")), new SettingsMethod.Password(Secret.of("p")),
                SettingsMethod.Totp.unlinkApp(), new SettingsMethod.LookupSecret(SettingsMethod.LookupSecret.Action.REVEAL),
                SettingsMethod.Passkey.remove("id"), SettingsMethod.Oidc.link("github")).stream().map(SettingsMethod::method).toList());
    }
}
