package io.kratosflows.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.error.KratosErrorException;
import io.kratosflows.error.UnexpectedResponseException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One response: headers by name, the body parsed once, its shape, and the exceptions it becomes. */
class KratosResponseTest {

    @Test
    void headersAreFoundCaseInsensitivelyAndTheBodyIsKept() {
        KratosResponse response = Wire.of(200, Map.of("content-type", "application/json", "X-Request-Id", "r-1"), "{\"a\":1}");

        assertEquals(Optional.of("application/json"), response.header("Content-Type"));
        assertEquals(Optional.empty(), response.header("Location"));
        assertEquals(Optional.of("r-1"), response.requestId());
        assertArrayEquals("{\"a\":1}".getBytes(StandardCharsets.UTF_8), response.body());
        assertSame(response.json(), response.json(), "parsed once");
    }

    @Test
    void theRequestIdComesFromTheHeaderFirstThenTheErrorEnvelope() {
        String body = "{\"error\":{\"code\":500,\"request\":\"from-body\"}}";

        assertEquals(Optional.of("from-body"), Wire.of(500, body).requestId());
        assertEquals(Optional.of("from-header"), Wire.of(500, Map.of("X-Request-Id", "from-header"), body).requestId());
        assertEquals(Optional.empty(), Wire.of(500, "{\"error\":{\"request\":\" \"}}").requestId());
    }

    @Test
    void shapesAreJudgedOnTheParsedBody() {
        assertTrue(Wire.of(200, "{\"id\":\"f\",\"ui\":{}}").isFlow());
        assertFalse(Wire.of(200, "{\"id\":\" \",\"ui\":{}}").isFlow());
        assertFalse(Wire.of(200, "{\"id\":1,\"ui\":{}}").isFlow());
        assertFalse(Wire.of(200, "{\"id\":\"f\",\"ui\":[]}").isFlow());
        assertFalse(Wire.of(200, "[{\"id\":\"f\",\"ui\":{}}]").isFlow());
        assertTrue(Wire.of(400, "{\"error\":{}}").isError());
        assertFalse(Wire.of(400, "{\"error\":\"text\"}").isError());
        assertFalse(Wire.of(400, "[]").isError());
        assertTrue(Wire.of(400, "{\"error\":{\"id\":\"x\"}}").errorIs("x"));
        assertFalse(Wire.of(400, "{\"error\":{\"id\":\"x\"}}").errorIs("y"));
    }

    @Test
    void anUnreadableBodyIsNamedInTheMessageWithoutQuotingIt() {
        var truncated = Wire.of(502, Map.of("Content-Type", "application/json", "X-Request-Id", "r-9"), "{\"token\": \"ory_st_se").unexpected("whoami");
        var plain = Wire.of(502, "{}").unexpected("whoami");

        assertTrue(truncated.getMessage().startsWith("whoami (JsonEOFException at line 1, column "), truncated.getMessage());
        assertFalse(truncated.getMessage().contains("ory_st_se"), truncated.getMessage());
        assertEquals("application/json", truncated.contentType());
        assertEquals(Optional.of("r-9"), truncated.requestId());
        assertEquals(502, truncated.status());
        assertEquals("whoami (Status: 502, Body: {})", plain.getMessage());
    }

    @Test
    void tooDeepABodyIsNoJson() {
        String deep = "[".repeat(Json.MAX_NESTING_DEPTH + 1) + "]".repeat(Json.MAX_NESTING_DEPTH + 1);

        KratosResponse response = Wire.of(200, deep);

        assertTrue(response.json().isMissingNode());
        assertTrue(response.unexpected("x").getMessage().startsWith("x (StreamConstraintsException"), response.unexpected("x").getMessage());
    }

    @Test
    void aFailureIsAKratosErrorForAnEnvelopeAndUnexpectedOtherwise() {
        var error = assertInstanceOf(KratosErrorException.class, Wire.of(400, "{\"error\":{\"id\":\"x\",\"code\":400}}").failure("logout"));
        var other = assertInstanceOf(UnexpectedResponseException.class, Wire.of(400, "{}").failure("logout"));

        assertTrue(error.error().is("x"));
        assertTrue(other.getMessage().startsWith("logout: unexpected answer"), other.getMessage());
    }

    @Test
    void toStringShowsStatusTypeAndARedactedBody() {
        KratosResponse response = Wire.of(401, Map.of("Content-Type", "application/json"), "{\"error\":{\"id\":\"x\",\"reason\":\"secret\"}}");

        assertEquals("KratosResponse[status=401, contentType=application/json, body={\"error\":{\"id\":\"x\",\"reason\":\"***\"}}]",
                response.toString());
    }
}
