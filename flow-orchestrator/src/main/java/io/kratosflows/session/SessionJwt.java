package io.kratosflows.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A session as a signed JWT ({@code session.tokenized}), returned by whoami with
 * {@link TokenizeAs}: a bearer credential for downstream services, so it prints as
 * {@code SessionJwt[***]} and {@link #reveal()} gives the compact form to send.
 *
 * <p>{@link #claims()} are decoded from the token for convenience (e.g. to cache it until
 * {@link #expiresAt()}), <b>not verified</b>: the service that receives the token checks its
 * signature against the template's public key. Kratos sets {@code sub} (the identity id, or its
 * external id), {@code sid} (the session id), {@code iss}, {@code iat}, {@code nbf}, {@code exp}
 * and {@code jti}; the template's claims mapper adds its own.
 */
public final class SessionJwt {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final String compact;
    private final Map<String, Object> claims;

    private SessionJwt(String compact) {
        this.compact = Objects.requireNonNull(compact, "compact == null");
        if (compact.isBlank()) {
            throw new IllegalArgumentException("a JWT cannot be blank");
        }
        this.claims = decode(compact);
    }

    /** Wraps a compact JWT ({@code header.payload.signature}); undecodable claims read as none. */
    public static SessionJwt of(String compact) {
        return new SessionJwt(compact);
    }

    /** {@return the compact JWT} Send it (e.g. as {@code Authorization: Bearer}); never log it. */
    public String reveal() {
        return compact;
    }

    /** {@return the payload's claims as JSON-like Java values, decoded but not verified} */
    public Map<String, Object> claims() {
        return claims;
    }

    /** {@return the {@code sub} claim: the identity id, or its external id when the template says so} */
    public Optional<String> subject() {
        return text("sub");
    }

    /** {@return the {@code sid} claim: the session id} */
    public Optional<String> sessionId() {
        return text("sid");
    }

    /** {@return when the token expires ({@code exp})} */
    public Optional<Instant> expiresAt() {
        Object exp = claims.get("exp");
        return exp instanceof BigDecimal seconds ? Optional.of(Instant.ofEpochSecond(seconds.longValue())) : Optional.empty();
    }

    private Optional<String> text(String claim) {
        Object value = claims.get(claim);
        return value instanceof String s ? Optional.of(s) : Optional.empty();
    }

    private static Map<String, Object> decode(String compact) {
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            return Map.of();
        }
        try {
            JsonNode payload = MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (payload == null || !payload.isObject()) {
                return Map.of();
            }
            Map<String, Object> claims = new LinkedHashMap<>();
            payload.properties().forEach(e -> claims.put(e.getKey(), plain(e.getValue())));
            return Collections.unmodifiableMap(claims);
        } catch (IOException | IllegalArgumentException e) {
            return Map.of(); // not a JWT we can read: still a token the caller may pass on
        }
    }

    private static Object plain(JsonNode value) {
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isNull()) {
            return null;
        }
        return MAPPER.convertValue(value, Object.class);
    }

    /** Compares in constant time. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SessionJwt j && MessageDigest.isEqual(
                compact.getBytes(StandardCharsets.UTF_8), j.compact.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return 0; // a hash would leak information about the token
    }

    @Override
    public String toString() {
        return "SessionJwt[***]";
    }
}
