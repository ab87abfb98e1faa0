package io.kratosflows;

import java.util.Objects;

/**
 * The id of a Kratos identity.
 *
 * @param value the id as Kratos wrote it (a UUID)
 */
public record IdentityId(String value) {

    /** Rejects null and blank ids. */
    public IdentityId {
        Objects.requireNonNull(value, "value == null");
        if (value.isBlank()) {
            throw new IllegalArgumentException("an identity id cannot be blank");
        }
    }

    /** {@return an identity id} */
    public static IdentityId of(String value) {
        return new IdentityId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
