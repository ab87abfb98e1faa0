package io.kratosflows;

import java.util.Objects;

/**
 * The id of a self-service flow (login, registration, settings, recovery, verification), as Kratos
 * returns it in {@code id} and expects it in {@code ?flow=} and {@code ?id=}.
 *
 * @param value the id as Kratos wrote it (a UUID)
 */
public record FlowId(String value) {

    /** Rejects null and blank ids. */
    public FlowId {
        Objects.requireNonNull(value, "value == null");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a flow id cannot be blank");
        }
    }

    /** {@return a flow id} */
    public static FlowId of(String value) {
        return new FlowId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
