package io.kratosflows.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One change to the Kratos configuration, addressed by a dotted key such as
 * {@code selfservice.flows.login.lifespan}: either a new value for that key or its removal.
 *
 * <p>Intermediate objects are created as needed; a purely numeric segment addresses an element of
 * an existing list ({@code selfservice.methods.oidc.config.providers.0.client_id}). The value
 * replaces whatever was there, lists and objects included (no deep merge), which is what a test of
 * a variant wants: {@code after.password.hooks = []} means "no hooks", not "the old hooks".
 *
 * <p>Two refinements for test fixtures that register something (an OIDC provider, a return URL)
 * next to what the base profile has: {@link #append} adds an element to a list instead of
 * replacing it, and {@link #since} applies an overlay only from a Kratos version on (a key or value
 * the older configuration schema would reject).
 *
 * @param key          the dotted key, never blank, no empty segments
 * @param value        the new value, or empty to remove the key
 * @param append       whether the value is appended to the list at {@code key} (created if absent)
 * @param sinceVersion the first Kratos version the overlay applies to; empty for every version
 */
record ConfigOverlay(String key, Optional<JsonNode> value, boolean append, Optional<KratosVersion> sinceVersion) {

    private static final YAMLMapper YAML = new YAMLMapper();

    ConfigOverlay {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(sinceVersion, "sinceVersion");
        segments(key); // validates
        if (append && value.isEmpty()) {
            throw new IllegalArgumentException("overlay " + key + ": append needs a value");
        }
        value = value.map(JsonNode::deepCopy);
    }

    ConfigOverlay(String key, Optional<JsonNode> value) {
        this(key, value, false, Optional.empty());
    }

    /** An overlay that appends {@code value} (converted as by {@link #set}) to the list at {@code key}. */
    static ConfigOverlay append(String key, Object value) {
        Objects.requireNonNull(value, () -> "value for " + key);
        return new ConfigOverlay(key, Optional.of(toNode(value)), true, Optional.empty());
    }

    /** This overlay, applied only to Kratos {@code version} and newer. */
    ConfigOverlay since(KratosVersion version) {
        return new ConfigOverlay(key, value, append, Optional.of(version));
    }

    /** Whether this overlay applies to a Kratos of this version. */
    boolean appliesTo(KratosVersion version) {
        return sinceVersion.map(since -> version.compareTo(since) >= 0).orElse(true);
    }

    /**
     * An overlay that sets {@code key}. A {@code String} is read as YAML, so {@code "3s"} stays
     * text, {@code "true"} becomes a boolean, {@code "[]"} an empty list and
     * {@code "[{hook: session}]"} a list of one object; a {@link JsonNode} is used as it is; any
     * other object (a {@code List}, {@code Map}, number, boolean) is converted by Jackson.
     */
    static ConfigOverlay set(String key, Object value) {
        Objects.requireNonNull(value, () -> "value for " + key + " (use unset to remove a key)");
        return new ConfigOverlay(key, Optional.of(toNode(value)));
    }

    /** An overlay that sets {@code key} to the text {@code value}, never reading it as YAML. */
    static ConfigOverlay setString(String key, String value) {
        Objects.requireNonNull(value, () -> "value for " + key);
        return new ConfigOverlay(key, Optional.of(TextNode.valueOf(value)));
    }

    /** An overlay that removes {@code key} (and so lets Kratos apply its default). */
    static ConfigOverlay unset(String key) {
        return new ConfigOverlay(key, Optional.empty());
    }

    static JsonNode toNode(Object value) {
        if (value instanceof JsonNode node) {
            return node.deepCopy();
        }
        if (value instanceof String text) {
            return readYaml(text);
        }
        return YAML.valueToTree(value);
    }

    private static JsonNode readYaml(String text) {
        if (text.isBlank()) {
            return TextNode.valueOf(text);
        }
        try {
            JsonNode node = YAML.readTree(text);
            return node == null || node.isMissingNode() ? TextNode.valueOf(text) : node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a YAML value: " + e.getOriginalMessage(), e);
        }
    }

    /** Applies this overlay to {@code root} in place. */
    void applyTo(ObjectNode root) {
        List<String> path = segments(key);
        JsonNode current = root;
        for (int i = 0; i < path.size() - 1; i++) {
            current = child(current, path.get(i), path.subList(0, i + 1));
        }
        String last = path.get(path.size() - 1);
        if (append) {
            appendTo(current, last, path);
            return;
        }
        if (current instanceof ObjectNode object) {
            if (value.isPresent()) {
                object.set(last, value.get().deepCopy());
            } else {
                object.remove(last);
            }
        } else {
            ArrayNode array = (ArrayNode) current;
            int index = index(last, array, path);
            if (value.isPresent()) {
                array.set(index, value.get().deepCopy());
            } else {
                array.remove(index);
            }
        }
    }

    private void appendTo(JsonNode parent, String last, List<String> path) {
        JsonNode list = parent instanceof ArrayNode array ? array.get(index(last, array, path)) : parent.get(last);
        if (list == null || list.isNull()) {
            list = ((ObjectNode) parent).putArray(last);
        }
        if (!(list instanceof ArrayNode array)) {
            throw new IllegalArgumentException("overlay " + key + ": cannot append, '" + key + "' is not a list");
        }
        array.add(value.orElseThrow().deepCopy());
    }

    /** Steps into {@code segment}, creating an object where nothing (or a scalar) was. */
    private JsonNode child(JsonNode parent, String segment, List<String> pathSoFar) {
        if (parent instanceof ArrayNode array) {
            JsonNode element = array.get(index(segment, array, pathSoFar));
            if (!element.isContainerNode()) {
                ObjectNode created = JsonNodeFactory.instance.objectNode();
                array.set(index(segment, array, pathSoFar), created);
                return created;
            }
            return element;
        }
        ObjectNode object = (ObjectNode) parent;
        JsonNode existing = object.get(segment);
        if (existing != null && existing.isContainerNode()) {
            return existing;
        }
        return object.putObject(segment);
    }

    private int index(String segment, ArrayNode array, List<String> path) {
        if (!segment.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("overlay " + key + ": '" + String.join(".", path)
                    + "' is a list; address its elements by number");
        }
        int index = Integer.parseInt(segment);
        if (index >= array.size()) {
            throw new IllegalArgumentException("overlay " + key + ": list '"
                    + String.join(".", path.subList(0, path.size() - 1)) + "' has "
                    + array.size() + " elements, no index " + index);
        }
        return index;
    }

    private static List<String> segments(String key) {
        List<String> segments = List.of(key.split("\\.", -1));
        if (key.isBlank() || segments.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("not a dotted config key: '" + key + "'");
        }
        return segments;
    }

    /** Key and value as YAML flow text; used to tell configurations apart. */
    String fingerprint() {
        return key + (append ? "+=" : "=") + value.map(JsonNode::toString).orElse("<unset>")
                + sinceVersion.map(v -> " (since " + v + ")").orElse("");
    }
}
