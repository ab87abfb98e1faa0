package io.kratosflows.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.FlowId;
import io.kratosflows.SessionToken;
import io.kratosflows.testing.FakeKratos;
import io.kratosflows.testing.RecordedResponses;
import io.kratosflows.ui.Ui;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Rendering of nodes and messages, from flows the orchestrator read out of recorded Kratos responses. */
class UiRendererTest {

    /** The UI of a recorded flow, read through the real client from a replaying server. */
    private static Ui ui(String fixture, Function<Connection, Ui> fetch) throws Exception {
        try (FakeKratos kratos = new FakeKratos();
                Connection connection = Connection.open(URI.create(kratos.url()), Duration.ofSeconds(5))) {
            kratos.respond(200, RecordedResponses.body(fixture)); // fetched flows answer 200 whatever the recorded step
            return fetch.apply(connection);
        }
    }

    private static final FlowId ANY = FlowId.of("00000000-0000-0000-0000-000000000000");

    @Test
    void loginFormShowsFieldsButtonsAndHidesTheCsrfValue() throws Exception {
        Ui ui = ui("login/create.200.json", c -> c.kratos().login().fetch(ANY).ui());
        List<String> lines = UiRenderer.nodes(ui, false);
        String text = String.join("\n", lines);
        assertTrue(text.matches("(?s).*default\\s+input\\s+identifier\\s+\"E-Mail\" text, required.*"), text);
        assertTrue(text.matches("(?s).*password\\s+input\\s+password\\s+\"Password\" password, required.*"), text);
        assertTrue(text.matches("(?s).*password\\s+button\\s+method=password\\s+\"Sign in with password\".*"), text);
        assertTrue(text.matches("(?s).*oidc\\s+button\\s+provider=github\\s+\"Sign in with github\".*"), text);
        assertTrue(text.matches("(?s).*default\\s+hidden\\s+csrf_token.*"), text);
        assertEquals(ui.nodes().size(), lines.size());
    }

    @Test
    void settingsFormRedactsTheTotpSecretAndQrCode() throws Exception {
        Ui ui = ui("settings/create.200.json", c -> c.kratos().settings().fetch(ANY, SessionToken.of("ory_st_x")).ui());
        String hidden = String.join("\n", UiRenderer.nodes(ui, false));
        assertFalse(hidden.contains("H34ARQ5RJJWMNHEBM4RVVC5IJPPZXWN6"), hidden);
        assertFalse(hidden.contains("data:image/png"), hidden);
        assertTrue(hidden.matches("(?s).*totp\\s+text\\s+totp_secret_key.*= \\*\\*\\*.*"), hidden);
        assertTrue(hidden.matches("(?s).*totp\\s+img\\s+totp_qr.*data URL \\(\\d+ chars, not shown\\).*"), hidden);
        assertTrue(hidden.contains("traits.email") && hidden.contains("value fixture-08a6f479@example.org"), hidden);
        String shown = String.join("\n", UiRenderer.nodes(ui, true));
        assertTrue(shown.contains("H34ARQ5RJJWMNHEBM4RVVC5IJPPZXWN6"), shown);
    }

    @Test
    void messagesShowTypeIdAndTheirField() throws Exception {
        Ui wrong = ui("login/submit-password-invalid-credentials.400.json", c -> c.kratos().login().fetch(ANY).ui());
        assertEquals(List.of("[error 4000006] The provided credentials are invalid, check for spelling mistakes in your"
                + " password or username, email address, or phone number."), UiRenderer.messages(wrong, false));
        Ui tooShort = ui("registration/submit-password-too-short.400.json",
                c -> c.kratos().registration().fetch(ANY).ui());
        assertEquals(List.of("[error 4000032] password: The password must be at least 8 characters long, but got 5."),
                UiRenderer.messages(tooShort, false));
        Ui sent = ui("recovery/submit-email-code-sent.200.json", c -> c.kratos().recovery().fetch(ANY).ui());
        assertTrue(UiRenderer.messages(sent, false).get(0).startsWith("[info 1060003] An email containing a recovery code"));
    }

    @Test
    void labelsAndSecretInputs() throws Exception {
        Ui ui = ui("login/submit-code-sent.400.json", c -> c.kratos().login().fetch(ANY).ui());
        var code = ui.node("code").orElseThrow();
        assertEquals("Login code", UiRenderer.label(code));
        assertTrue(UiRenderer.isSecretInput(code.input().orElseThrow()));
        assertTrue(UiRenderer.isFillable(code.input().orElseThrow()));
        var identifier = ui.node("identifier").orElseThrow();
        assertFalse(UiRenderer.isFillable(identifier.input().orElseThrow()), "hidden in the code step");
    }

    @Test
    void requestTraceCollectsExchangesAndDrainsThem() {
        RequestTrace trace = new RequestTrace();
        trace.onExchange(new io.kratosflows.HttpExchange("GET", "/self-service/login/api", java.util.OptionalInt.of(200),
                java.time.Duration.ofMillis(3)));

        assertEquals(java.util.List.of("GET /self-service/login/api -> 200"),
                trace.drain().stream().map(io.kratosflows.HttpExchange::line).toList());
        assertTrue(trace.drain().isEmpty());
    }
}
