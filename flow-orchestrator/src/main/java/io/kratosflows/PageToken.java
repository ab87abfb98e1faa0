package io.kratosflows;

import java.util.Objects;

/**
 * Where a page of a Kratos list starts: the opaque {@code page_token} Kratos names in the
 * {@code Link} header of the page before. Not a secret (it encodes a position, not a credential).
 *
 * @param value the token as Kratos wrote it
 */
public record PageToken(String value) {

    /** Rejects null and blank tokens. */
    public PageToken {
        Objects.requireNonNull(value, "value == null");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a page token cannot be blank");
        }
    }

    /** {@return a page token} */
    public static PageToken of(String value) {
        return new PageToken(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
