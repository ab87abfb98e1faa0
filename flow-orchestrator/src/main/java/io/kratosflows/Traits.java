package io.kratosflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The traits of an identity: a JSON object shaped by the identity schema (e.g.
 * {@code {"email": "ada@example.org", "name": {"first": "Ada"}}}). Immutable: every accessor
 * returns a copy. Build from a map, from JSON, or from your own typed record with {@link #from(Object)};
 * read back typed with {@link #as(Class)}. {@code toString} lists the trait names only.
 */
public final class Traits {

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();
    private final ObjectNode json;

    private Traits(ObjectNode json) {
        this.json = json.deepCopy();
    }

    /** {@return traits from a JSON object (copied)} */
    public static Traits of(ObjectNode json) {
        return new Traits(Objects.requireNonNull(json, "json == null"));
    }

    /** {@return traits from a map of JSON-like values (nested maps, lists, strings, numbers, booleans)} */
    public static Traits of(Map<String, ?> values) {
        return new Traits(MAPPER.valueToTree(Objects.requireNonNull(values, "values == null")));
    }

    /** {@return traits from a typed object (a record or bean Jackson can write), the typed-traits convenience} */
    public static Traits from(Object typed) {
        JsonNode tree = MAPPER.valueToTree(Objects.requireNonNull(typed, "typed == null"));
        if (!tree.isObject()) {
            throw new IllegalArgumentException("traits must be a JSON object, got " + tree.getNodeType());
        }
        return new Traits((ObjectNode) tree);
    }

    /** {@return traits with one email trait, the shape of the most common identity schema} */
    public static Traits email(String email) {
        return of(Map.of("email", Objects.requireNonNull(email, "email == null")));
    }

    /** {@return a copy of the traits as a JSON object} */
    public ObjectNode json() {
        return json.deepCopy();
    }

    /** {@return the traits read into a typed object; unknown properties are ignored} */
    public <T> T as(Class<T> type) {
        try {
            return MAPPER.copy().configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .treeToValue(json, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("traits do not fit " + type.getName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** {@return the text of a top-level or dotted trait, e.g. {@code "email"} or {@code "name.first"}} */
    public Optional<String> text(String path) {
        JsonNode node = json.at("/" + path.replace(".", "/"));
        return node.isValueNode() ? Optional.of(node.asText()) : Optional.empty();
    }

    /** {@return whether no trait is set} */
    public boolean isEmpty() {
        return json.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Traits t && t.json.equals(json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return "Traits" + names;
    }
}
