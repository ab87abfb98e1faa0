package io.kratosflows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.kratosflows.Secret;
import io.kratosflows.admin.AdminIdentity;
import io.kratosflows.admin.CourierMessage;
import io.kratosflows.admin.Credential;
import io.kratosflows.admin.RecoveryCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads admin API bodies: identities with credentials, courier messages, recovery codes. A
 * credential's {@code config} is never read (password hashes, TOTP keys, backup codes).
 */
final class AdminReader {

    private AdminReader() {
    }

    /** {@return the identity, or empty when the JSON is no identity (no id)} */
    static Optional<AdminIdentity> identity(JsonNode i) {
        return SessionReader.identity(i).map(identity -> new AdminIdentity(identity, Json.map(i, "metadata_admin"),
                credentials(i.path("credentials")), Json.instant(i, "updated_at")));
    }

    private static List<Credential> credentials(JsonNode credentials) {
        if (!credentials.isObject()) {
            return List.of();
        }
        List<Credential> read = new ArrayList<>();
        credentials.properties().forEach(e -> {
            JsonNode c = e.getValue();
            List<String> identifiers = Json.array(c, "identifiers").stream().filter(JsonNode::isTextual).map(JsonNode::textValue)
                    .toList();
            read.add(new Credential(Json.text(c, "type", e.getKey()), identifiers, Json.longValue(c, "version").orElse(0L),
                    Json.instant(c, "created_at"), Json.instant(c, "updated_at")));
        });
        return read;
    }

    /** {@return the message, or empty without an id} */
    static Optional<CourierMessage> message(JsonNode m) {
        return Json.nonBlank(m, "id").map(id -> new CourierMessage(id, Json.text(m, "type", ""), Json.text(m, "status", ""),
                Json.text(m, "recipient", ""), Json.text(m, "subject", ""), Json.nonBlank(m, "template_type"),
                Secret.of(Json.text(m, "body", "")), Json.integer(m, "send_count").orElse(0), Json.instant(m, "created_at")));
    }

    /** {@return the recovery code, or empty without link and code} */
    static Optional<RecoveryCode> recoveryCode(JsonNode r) {
        Optional<String> link = Json.nonBlank(r, "recovery_link");
        Optional<String> code = Json.nonBlank(r, "recovery_code");
        if (link.isEmpty() || code.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RecoveryCode(link.get(), Secret.of(code.get()), Json.instant(r, "expires_at")));
    }
}
