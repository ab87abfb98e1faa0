package io.kratosflows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A Kratos session token ({@code ory_st_...}): the credential of a native session, sent as
 * {@code X-Session-Token}. It prints as {@code SessionToken[***]}; {@link #reveal()} gives the value
 * for storage in a platform keychain.
 */
public final class SessionToken {

    private final String value;

    private SessionToken(String value) {
        this.value = Objects.requireNonNull(value, "value == null");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a session token cannot be blank");
        }
    }

    /** Wraps a token issued by Kratos. */
    public static SessionToken of(String value) {
        return new SessionToken(value);
    }

    /** {@return the token value} Store it securely; never log it. */
    public String reveal() {
        return value;
    }

    /** Compares in constant time. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SessionToken t && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), t.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return 0; // a hash would leak information about the token
    }

    @Override
    public String toString() {
        return "SessionToken[***]";
    }
}
