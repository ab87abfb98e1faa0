package io.kratosflows.internal;

import io.kratosflows.error.RateLimitedException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads what a 429 or 503 says about when to come back: {@code Retry-After} (seconds or an HTTP
 * date, RFC 9110) and the {@code x-ratelimit-*} headers Ory Network and most gateways send.
 */
final class RateLimits {

    /** A server cannot make a client wait longer than this, whatever it writes. */
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

    private RateLimits() {
    }

    static RateLimitedException exception(String what, KratosResponse response) {
        return new RateLimitedException(what, response.status(), retryAfter(response, Instant.now()),
                number(response, "X-RateLimit-Limit"), number(response, "X-RateLimit-Remaining"),
                response.requestId().orElse(null));
    }

    /** {@return the delay asked for: Retry-After first, then x-ratelimit-reset (seconds), capped} */
    static Optional<Duration> retryAfter(KratosResponse response, Instant now) {
        Optional<Duration> delay = response.header("Retry-After").flatMap(v -> parse(v.trim(), now))
                .or(() -> number(response, "X-RateLimit-Reset").stream().boxed().findFirst().map(Duration::ofSeconds));
        return delay.map(d -> d.isNegative() ? Duration.ZERO : d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d);
    }

    private static Optional<Duration> parse(String value, Instant now) {
        if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
            return value.length() > 7 ? Optional.of(MAX_RETRY_AFTER) : Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            return Optional.of(Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static OptionalLong number(KratosResponse response, String header) {
        Optional<String> value = response.header(header).map(String::trim);
        if (value.isEmpty() || value.get().isEmpty() || value.get().length() > 18 || !value.get().chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(value.get()));
    }
}
