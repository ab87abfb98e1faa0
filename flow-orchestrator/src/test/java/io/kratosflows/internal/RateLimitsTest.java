package io.kratosflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** When to come back after a 429 or 503: Retry-After (seconds or a date), then x-ratelimit-reset, never beyond an hour. */
class RateLimitsTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private static Optional<Duration> retryAfter(Map<String, String> headers) {
        return RateLimits.retryAfter(Wire.of(429, headers, ""), NOW);
    }

    @Test
    void retryAfterInSecondsOrAsADate() {
        assertEquals(Optional.of(Duration.ofSeconds(30)), retryAfter(Map.of("Retry-After", " 30 ")));
        assertEquals(Optional.of(Duration.ZERO), retryAfter(Map.of("Retry-After", "0")));
        assertEquals(Optional.of(Duration.ofSeconds(90)), retryAfter(Map.of("Retry-After", "Sat, 28 Nov 2026 10:01:30 GMT")));
        assertEquals(Optional.of(Duration.ZERO), retryAfter(Map.of("Retry-After", "Sat, 28 Nov 2026 09:59:00 GMT")), "a past date is now");
    }

    @Test
    void theDelayIsCappedAtAnHour() {
        assertEquals(Optional.of(Duration.ofHours(1)), retryAfter(Map.of("Retry-After", "3600")));
        assertEquals(Optional.of(Duration.ofHours(1)), retryAfter(Map.of("Retry-After", "3601")));
        assertEquals(Optional.of(Duration.ofSeconds(3599)), retryAfter(Map.of("Retry-After", "3599")));
        assertEquals(Optional.of(Duration.ofHours(1)), retryAfter(Map.of("Retry-After", "99999999")), "more than 7 digits");
        assertEquals(Optional.of(Duration.ofHours(1)), retryAfter(Map.of("Retry-After", "9".repeat(30))), "more digits than a long has");
        assertEquals(Optional.of(Duration.ofHours(1)), retryAfter(Map.of("Retry-After", "9999999")));
        assertEquals(Optional.of(Duration.ofHours(1)), retryAfter(Map.of("Retry-After", "Sun, 29 Nov 2026 10:00:00 GMT")));
    }

    @Test
    void withoutRetryAfterTheResetHeaderCounts() {
        assertEquals(Optional.of(Duration.ofSeconds(12)), retryAfter(Map.of("X-RateLimit-Reset", "12")));
        assertEquals(Optional.of(Duration.ofSeconds(5)), retryAfter(Map.of("Retry-After", "5", "X-RateLimit-Reset", "12")));
        assertEquals(Optional.of(Duration.ofSeconds(12)), retryAfter(Map.of("Retry-After", "soon", "X-RateLimit-Reset", "12")));
        assertEquals(Optional.empty(), retryAfter(Map.of("Retry-After", "")));
        assertEquals(Optional.empty(), retryAfter(Map.of("X-RateLimit-Reset", "-1")));
        assertEquals(Optional.empty(), retryAfter(Map.of()));
    }

    @Test
    void theExceptionCarriesLimitRemainingAndRequest() {
        var e = RateLimits.exception("submit login flow", Wire.of(429, Map.of("X-RateLimit-Limit", "100", "X-RateLimit-Remaining", " 0 ",
                "X-Request-Id", "r-1", "Retry-After", "7"), ""));

        assertEquals(429, e.status());
        assertEquals(OptionalLong.of(100), e.limit());
        assertEquals(OptionalLong.of(0), e.remaining());
        assertEquals(Optional.of("r-1"), e.requestId());
        assertEquals(Optional.of(Duration.ofSeconds(7)), e.retryAfter());
    }

    @Test
    void countersMustBeShortDecimalNumbers() {
        for (String bad : new String[] {"", " ", "1e3", "-5", "1234567890123456789"}) {
            var e = RateLimits.exception("x", Wire.of(503, Map.of("X-RateLimit-Limit", bad), ""));
            assertEquals(OptionalLong.empty(), e.limit(), "'" + bad + "'");
        }
        assertEquals(OptionalLong.of(123456789012345678L),
                RateLimits.exception("x", Wire.of(503, Map.of("X-RateLimit-Limit", "123456789012345678"), "")).limit());
    }
}
