package io.kratosflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Data a submission hands to Kratos's webhooks and mail templates without storing it
 * ({@code transient_payload}), e.g. the app version or a marketing opt-in. Kratos takes only a JSON
 * object (a string is refused with HTTP 400), so this is always one. Immutable: every accessor
 * returns a copy. {@code toString} lists the field names only (values may be personal data).
 *
 * <pre>{@code
 * kratos.registration().submit(flow, method, TransientPayload.of(Map.of("newsletter", true)));
 * }</pre>
 */
public final class TransientPayload {

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();
    private final ObjectNode json;

    private TransientPayload(ObjectNode json) {
        this.json = json.deepCopy();
    }

    /** {@return a payload from a JSON object (copied)} */
    public static TransientPayload of(ObjectNode json) {
        return new TransientPayload(Objects.requireNonNull(json, "json == null"));
    }

    /** {@return a payload from a map of JSON-like values (nested maps, lists, strings, numbers, booleans)} */
    public static TransientPayload of(Map<String, ?> values) {
        return new TransientPayload(MAPPER.valueToTree(Objects.requireNonNull(values, "values == null")));
    }

    /** {@return a payload from a typed object (a record or bean Jackson can write as a JSON object)} */
    public static TransientPayload from(Object typed) {
        JsonNode tree = MAPPER.valueToTree(Objects.requireNonNull(typed, "typed == null"));
        if (!tree.isObject()) {
            throw new IllegalArgumentException("a transient payload must be a JSON object, got " + tree.getNodeType());
        }
        return new TransientPayload((ObjectNode) tree);
    }

    /** {@return a copy of the payload as a JSON object} */
    public ObjectNode json() {
        return json.deepCopy();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TransientPayload p && p.json.equals(json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return "TransientPayload" + names;
    }
}
