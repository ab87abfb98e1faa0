package io.kratosflows.admin;

import io.kratosflows.Secret;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A message Kratos's courier queued or sent ({@code message} of {@code GET /admin/courier/messages}):
 * recovery and verification codes, login codes, and the like. The body holds those codes and links,
 * so it is a {@link Secret}.
 *
 * @param id           the message id
 * @param type         {@code email} or {@code phone}
 * @param status       {@code queued}, {@code processing}, {@code sent} or {@code abandoned} (kept as text)
 * @param recipient    the address
 * @param subject      the subject (empty for SMS)
 * @param templateType the template, e.g. {@code recovery_code_valid}, when given
 * @param body         the body
 * @param sendCount    how often the courier tried to send it
 * @param createdAt    when it was queued, when given
 */
public record CourierMessage(String id, String type, String status, String recipient, String subject,
                             Optional<String> templateType, Secret body, int sendCount, Optional<Instant> createdAt) {

    /** Requires every component. */
    public CourierMessage {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(status, "status == null");
        Objects.requireNonNull(recipient, "recipient == null");
        Objects.requireNonNull(subject, "subject == null");
        Objects.requireNonNull(templateType, "templateType == null");
        Objects.requireNonNull(body, "body == null");
        Objects.requireNonNull(createdAt, "createdAt == null");
    }
}
