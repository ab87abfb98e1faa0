package io.kratosflows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A value that must never be printed: a password, a one-time code, a lookup (recovery) code, an
 * OIDC id token. {@link #toString()} prints {@code Secret[***]}; only {@link #reveal()} gives the
 * value, and the library calls it solely to put the value on the wire.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value == null");
    }

    /** Wraps a secret value; {@code null} is rejected, an empty value is allowed (and validated later). */
    public static Secret of(String value) {
        return new Secret(value);
    }

    /** Wraps a secret held in a char array (for example from {@code Console.readPassword()}). */
    public static Secret of(char[] value) {
        return new Secret(new String(Objects.requireNonNull(value, "value == null")));
    }

    /** {@return the secret value} Call only to send it; never log it. */
    public String reveal() {
        return value;
    }

    /** {@return whether the value is empty or only white space} */
    public boolean isBlank() {
        return value.isBlank();
    }

    /** Compares in constant time. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), s.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return 0; // a hash would leak information about the value; secrets are not map keys
    }

    @Override
    public String toString() {
        return "Secret[***]";
    }
}
