package io.kratosflows.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Kratos errors and the exceptions: what they carry and how their messages read (AWS style: what failed, then the facts). */
class ErrorsTest {

    @Test
    void anErrorMatchesItsOwnIdOnly() {
        KratosError error = new KratosError(410, Optional.of("self_service_flow_expired"), Optional.empty(), Optional.empty(),
                Optional.empty(), null);

        assertTrue(error.is("self_service_flow_expired"));
        assertFalse(error.is("self_service_flow_replaced"));
        assertFalse(new KratosError(500, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of()).is(""));
        assertEquals(Map.of(), error.details());
    }

    @Test
    void detailsAreCopied() {
        Map<String, Object> details = new HashMap<>(Map.of("use_flow_id", "f"));
        KratosError error = new KratosError(410, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), details);

        details.clear();

        assertEquals(Map.of("use_flow_id", "f"), error.details());
    }

    @Test
    void theSummaryNamesStatusIdAndRequestButNeverKratossFreeText() {
        // Kratos's reason and message can echo the request (a password, a token): they are read, not printed.
        KratosError full = new KratosError(403, Optional.of("session_refresh_required"), Optional.of("the reason"),
                Optional.of("the message"), Optional.of("req-1"), Map.of());
        KratosError reasonOnly = new KratosError(404, Optional.empty(), Optional.of("the reason"), Optional.empty(), Optional.empty(), Map.of());

        assertEquals("HTTP 403, Error: session_refresh_required, Request: req-1", full.summary());
        assertEquals("HTTP 404", reasonOnly.summary());
        assertEquals(Optional.of("the message"), full.message());
        assertEquals("HTTP 500", new KratosError(500, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of()).summary());
    }

    @Test
    void aRateLimitSaysWhenToComeBack() {
        var limited = new RateLimitedException("submit login flow", 429, Optional.of(Duration.ofSeconds(2)), OptionalLong.of(10),
                OptionalLong.of(0), "req-1");
        var unavailable = new RateLimitedException("whoami", 503, Optional.empty(), OptionalLong.empty(), OptionalLong.empty(), null);

        assertEquals("submit login flow (HTTP 429 Too Many Requests, retry after 2000 ms, Request: req-1)", limited.getMessage());
        assertEquals("whoami (HTTP 503 Service Unavailable)", unavailable.getMessage());
        assertEquals(429, limited.status());
        assertEquals(Optional.of(Duration.ofSeconds(2)), limited.retryAfter());
        assertEquals(OptionalLong.of(10), limited.limit());
        assertEquals(OptionalLong.of(0), limited.remaining());
        assertEquals(Optional.of("req-1"), limited.requestId());
        assertEquals(Optional.empty(), unavailable.requestId());
    }

    @Test
    void anUnexpectedResponseCarriesWhatWasSeen() {
        var withRequest = new UnexpectedResponseException("whoami", 502, "text/html", "<12 bytes, not JSON; not shown>", "req-2", null);
        var without = new UnexpectedResponseException("whoami", 200, "", "{}", null, null);

        assertEquals("whoami (Status: 502, Request: req-2, Body: <12 bytes, not JSON; not shown>)", withRequest.getMessage());
        assertEquals("whoami (Status: 200, Body: {})", without.getMessage());
        assertEquals("text/html", withRequest.contentType());
        assertEquals(Optional.of("req-2"), withRequest.requestId());
        assertEquals(Optional.empty(), without.requestId());
    }

    @Test
    void transportFailuresSayWhetherTheyTimedOut() {
        IOException cause = new IOException("refused");

        assertTrue(new KratosTransportException("whoami: timed out", true, null).isTimeout());
        var refused = new KratosTransportException("whoami: could not reach Kratos", false, cause);
        assertFalse(refused.isTimeout());
        assertEquals(cause, refused.getCause());
    }

    @Test
    void aKratosErrorExceptionNamesTheCallAndTheError() {
        KratosError error = new KratosError(400, Optional.of("session_already_available"), Optional.empty(), Optional.empty(),
                Optional.empty(), Map.of());
        var e = new KratosErrorException("start login flow", error);

        assertEquals(400, e.status());
        assertEquals(error, e.error());
        assertTrue(e.getMessage().startsWith("start login flow"), e.getMessage());
        assertTrue(e.getMessage().contains("session_already_available"), e.getMessage());
        assertEquals(List.of("a: must not be null"), new InvalidInputException("X", List.of("a: must not be null")).violations());
    }
}
