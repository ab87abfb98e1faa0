package io.kratosflows.admin;

import java.util.Objects;
import java.util.Optional;

/**
 * Which courier messages {@link Admin#listCourierMessages} lists (query parameters of
 * {@code GET /admin/courier/messages}).
 *
 * @param recipient {@code recipient}: only messages to this address
 * @param status    {@code status}: only messages in this state ({@code queued}, {@code processing},
 *                  {@code sent}, {@code abandoned})
 */
public record CourierQuery(Optional<String> recipient, Optional<String> status) {

    /** Requires both components. */
    public CourierQuery {
        Objects.requireNonNull(recipient, "recipient == null");
        Objects.requireNonNull(status, "status == null");
    }

    /** {@return every message} */
    public static CourierQuery all() {
        return new CourierQuery(Optional.empty(), Optional.empty());
    }

    /** {@return the messages to one address} */
    public static CourierQuery to(String recipient) {
        return new CourierQuery(Optional.of(recipient), Optional.empty());
    }

    /** {@return a copy limited to one status} */
    public CourierQuery withStatus(String status) {
        return new CourierQuery(recipient, Optional.of(status));
    }
}
