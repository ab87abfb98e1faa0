package io.kratosflows.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * One entry of Kratos's courier queue, from {@code GET /admin/courier/messages}. Kratos stores a
 * message when it queues it, so this shows a code even when SMTP delivery failed.
 *
 * @param id           the message id
 * @param status       {@code queued}, {@code processing}, {@code sent} or {@code abandoned}
 * @param type         the channel type, {@code email} or {@code phone}
 * @param recipient    the address
 * @param subject      the subject line
 * @param body         the plain-text body
 * @param templateType the template, for example {@code recovery_code_valid}
 * @param createdAt    when Kratos queued it ({@link Instant#EPOCH} if Kratos sent none)
 */
public record CourierMessage(String id, String status, String type, String recipient,
        String subject, String body, String templateType, Instant createdAt) {

    /** Validates the components. */
    public CourierMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(templateType, "templateType");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Reads one element of the admin API's answer; missing fields become empty strings. */
    static CourierMessage fromJson(JsonNode node) {
        Instant created;
        try {
            created = Instant.parse(node.path("created_at").asText());
        } catch (DateTimeParseException e) {
            created = Instant.EPOCH;
        }
        return new CourierMessage(node.path("id").asText(), node.path("status").asText(),
                node.path("type").asText(), node.path("recipient").asText(),
                node.path("subject").asText(), node.path("body").asText(),
                node.path("template_type").asText(), created);
    }

    /** This entry as a {@link MailMessage} with source {@link MailMessage.Source#COURIER}. */
    public MailMessage toMailMessage() {
        return new MailMessage(recipient, subject, body, MailMessage.Source.COURIER);
    }
}
