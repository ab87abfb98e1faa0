package io.kratosflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.ContinueWith;
import io.kratosflows.error.KratosErrorException;
import io.kratosflows.error.UnexpectedResponseException;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.testing.Samples;
import io.kratosflows.ui.MessageType;
import io.kratosflows.ui.NodeAttributes;
import io.kratosflows.ui.UiMessage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * #19 and #21: what an attack found printing secrets. Kratos's free text, a proxy's echo, unknown
 * {@code continue_with} actions and renumbered messages are kept, but print by structure only.
 */
class SecretsInMessagesTest {

    private static final String TOKEN = "ory_st_EchoedTokenValue123";
    private static final String PASSWORD = "hunter2-Echoed-Password";

    /** Defect: the exception quoted error.message and error.reason verbatim. */
    @Test
    void anErrorEchoingTheRequestPutsNeitherTokenNorPasswordInTheException() {
        KratosResponse response = Wire.of(400, "{\"error\":{\"id\":\"x_failed\",\"code\":400,\"message\":\"password " + PASSWORD
                + " rejected\",\"reason\":\"bad token " + TOKEN + "\",\"request\":\"req-1\",\"details\":{\"password\":\"" + PASSWORD + "\"}}}");

        var error = assertInstanceOf(KratosErrorException.class, response.failure("submit login flow"));

        String shown = error.getMessage() + " " + error.error() + " " + error.error().summary();
        assertFalse(shown.contains(PASSWORD), shown);
        assertFalse(shown.contains(TOKEN), shown);
        assertEquals("submit login flow (HTTP 400, Error: x_failed, Request: req-1)", error.getMessage());
        assertTrue(error.error().toString().contains("details=[password]"), error.error().toString());
        assertEquals(Optional.of("bad token " + TOKEN), error.error().reason(), "kept for a deliberate read");
    }

    @Test
    void anOutcomeCarryingSuchAnErrorPrintsNoSecretEither() {
        KratosResponse response = Wire.of(410, "{\"error\":{\"id\":\"self_service_flow_expired\",\"reason\":\"" + TOKEN + "\"}}");

        LoginOutcome outcome = UpdateLoginFlowStep.outcome(response, Samples.login(), "password");

        assertInstanceOf(LoginOutcome.FlowExpired.class, outcome);
        assertFalse(outcome.toString().contains(TOKEN), outcome.toString());
    }

    @Test
    void aProxyEchoingTheSubmissionIsQuotedByStructure() {
        KratosResponse response = Wire.of(502, "{\"password\":\"" + PASSWORD + "\",\"identifier\":\"ada\",\"method\":\"password\"}");

        var error = assertInstanceOf(UnexpectedResponseException.class, response.failure("submit login flow"));

        assertFalse(error.getMessage().contains(PASSWORD), error.getMessage());
        assertFalse(error.getMessage().contains("ada"), error.getMessage());
        assertTrue(error.bodyExcerpt().contains("\"method\":\"password\""), error.bodyExcerpt());
    }

    /** #21: ContinueWith.Unknown printed its raw JSON, which may hold a token. */
    @Test
    void anUnknownContinueWithActionPrintsWithoutItsJson() {
        ContinueWith item = ContinueWithReader.item(Json.MAPPER.createObjectNode().put("action", "set_ory_session_token_v2")
                .put("ory_session_token", TOKEN));

        var unknown = assertInstanceOf(ContinueWith.Unknown.class, item);
        assertTrue(unknown.rawJson().contains(TOKEN), "kept");
        assertFalse(unknown.toString().contains(TOKEN), unknown.toString());
        assertTrue(unknown.toString().contains("set_ory_session_token_v2"), unknown.toString());
    }

    /** #21: a TOTP secret message renumbered by a newer Kratos printed the secret. */
    @Test
    void aMessageWithASecretInItsContextPrintsRedactedWhateverItsId() {
        UiMessage renumbered = new UiMessage(1059999, MessageType.INFO, "info", "JBSWY3DPEHPK3PXP", Map.of("secret", "JBSWY3DPEHPK3PXP"));
        UiMessage lookup = new UiMessage(1059998, MessageType.INFO, "info", "aaaa, bbbb", Map.of("secrets", List.of("aaaa", "bbbb")));

        assertTrue(renumbered.holdsSecret());
        assertFalse(renumbered.toString().contains("JBSWY3DP"), renumbered.toString());
        assertFalse(lookup.toString().contains("aaaa"), lookup.toString());
        assertTrue(renumbered.toString().contains("context=[secret]"), renumbered.toString());
    }

    @Test
    void unknownNodeAttributesAndSecretInputsPrintMasked() {
        var unknown = new NodeAttributes.Unknown("secret_box", "{\"value\":\"" + TOKEN + "\"}");
        var password = new NodeAttributes.Input("password", "password", Optional.of(PASSWORD), true, false, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
        var code = new NodeAttributes.Input("code", "text", Optional.of("123456"), true, false, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
        var email = new NodeAttributes.Input("identifier", "text", Optional.of("ada@example.org"), true, false, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());

        assertFalse(unknown.toString().contains(TOKEN), unknown.toString());
        assertFalse(password.toString().contains(PASSWORD), password.toString());
        assertFalse(code.toString().contains("123456"), code.toString());
        assertTrue(email.toString().contains("ada@example.org"), "an identifier is not a secret: " + email);
    }
}
