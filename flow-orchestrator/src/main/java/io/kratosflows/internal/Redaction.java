package io.kratosflows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Set;

/**
 * Makes response bodies safe to quote in exception messages, by structure rather than by pattern:
 * the JSON keeps its shape, numbers and booleans, but a string value is shown only under keys
 * that name ids, types and states, never free text (Kratos's reasons and messages can echo a
 * request, and a proxy can echo anything). A body that is not JSON is not quoted at all.
 */
final class Redaction {

    /** Keys whose string values are identifiers or enumerations, never user input or secrets. */
    private static final Set<String> SHOWN = Set.of("id", "type", "state", "status", "node_type", "group", "action",
            "method", "use_flow_id", "expires_at", "issued_at", "expired_at", "since", "requested_aal", "aal",
            "authenticator_assurance_level", "schema_id", "via", "active", "requested_at", "created_at", "updated_at",
            "authenticated_at");
    static final String MASK = "***";
    private static final int EXCERPT_LIMIT = 300;

    private Redaction() {
    }

    /** {@return a copy of the JSON with every string value outside {@link #SHOWN} keys masked} */
    static JsonNode redact(JsonNode node) {
        return redact(node, null);
    }

    private static JsonNode redact(JsonNode node, String key) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            // An input's name (password, code, ...) is safe; its value is not. Elsewhere "name" can be a person's.
            boolean showName = node.has("node_type");
            node.properties().forEach(e -> {
                String k = e.getKey();
                JsonNode v = e.getValue();
                if (k.equals("name") && v.isTextual()) {
                    copy.set(k, showName ? v : TextNode.valueOf(MASK));
                } else {
                    copy.set(k, redact(v, k));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
            node.forEach(item -> copy.add(redact(item, key)));
            return copy;
        }
        if (node.isTextual()) {
            return key != null && SHOWN.contains(key) && !looksLikeToken(node.textValue()) ? node : TextNode.valueOf(MASK);
        }
        return node;
    }

    private static boolean looksLikeToken(String value) {
        return value.startsWith("ory_") || value.length() > 128;
    }

    /**
     * {@return a one-line excerpt of a body for an exception message} JSON is redacted and cut to
     * 300 characters; anything else is described by its size only.
     */
    static String excerpt(byte[] body, JsonNode json) {
        if (body.length == 0) {
            return "<empty>";
        }
        if (json.isMissingNode()) {
            return "<" + body.length + " bytes, not JSON; not shown>";
        }
        String text = redact(json).toString();
        return text.length() <= EXCERPT_LIMIT ? text : text.substring(0, EXCERPT_LIMIT) + "...";
    }
}
