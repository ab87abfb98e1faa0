package io.kratosflows.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tolerant reading of Kratos JSON: absent, null and wrongly typed fields become empty values. The
 * parser's limits are set deliberately for hostile bodies: Kratos nests a flow about ten levels deep
 * and never sends a string near a megabyte, so anything beyond the limits is not a Kratos answer.
 */
final class Json {

    /** Deeper than any Kratos body (about 10); stops stack-exhausting nesting. */
    static final int MAX_NESTING_DEPTH = 64;
    /** Longest string: a TOTP QR code data URL is a few kilobytes. */
    static final int MAX_STRING_LENGTH = 1 << 20;
    /** Longest number literal. */
    static final int MAX_NUMBER_LENGTH = 64;
    /** Most tokens in one body: a flow has a few hundred to a few thousand; this bounds the tree in memory. */
    static final long MAX_TOKEN_COUNT = 100_000L;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxNameLength(1024)
                    .maxTokenCount(MAX_TOKEN_COUNT)
                    .build())
            // A body with a key twice means different things to different readers: refuse it.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Our own reading mapper: trees only, never fails on unknown properties. Not shared outside this package. */
    static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true)
            .build();

    private Json() {
    }

    /**
     * Parses a body.
     *
     * @throws IOException when it is not one well-formed JSON value within the limits
     */
    static JsonNode parse(byte[] body) throws IOException {
        JsonNode node = MAPPER.readTree(body);
        return node == null ? MissingNode.getInstance() : node;
    }

    /** {@return the text of a field that is a JSON string, number or boolean} */
    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** {@return the text of a field, or the fallback} */
    static String text(JsonNode node, String field, String fallback) {
        return text(node, field).orElse(fallback);
    }

    /** {@return the text of a string field that is not blank} */
    static Optional<String> nonBlank(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.textValue().isBlank() ? Optional.of(value.textValue()) : Optional.empty();
    }

    /** {@return a boolean field; false when absent or not a boolean} */
    static boolean bool(JsonNode node, String field) {
        return node.path(field).asBoolean(false);
    }

    /** {@return an integer field, when it is a number that fits an int} */
    static Optional<Integer> integer(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() && value.canConvertToInt() ? Optional.of(value.intValue()) : Optional.empty();
    }

    /** {@return a long field, when it is an integral number that fits a long} */
    static Optional<Long> longValue(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isIntegralNumber() && value.canConvertToLong() ? Optional.of(value.longValue()) : Optional.empty();
    }

    /** {@return a timestamp field; a malformed time is empty, so it cannot lose the rest of the response} */
    static Optional<Instant> instant(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? Optional.ofNullable(Rfc3339.parse(value.textValue())) : Optional.empty();
    }

    /** {@return the elements of an array field; empty when absent or not an array} */
    static List<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isArray() || value.isEmpty()) {
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>(value.size());
        value.forEach(items::add);
        return items;
    }

    /** {@return a JSON object field as a map of plain Java values; empty when absent} */
    static Map<String, Object> map(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isObject() || value.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> map = new LinkedHashMap<>();
        value.properties().forEach(e -> map.put(e.getKey(), plain(e.getValue())));
        return Collections.unmodifiableMap(map);
    }

    /** {@return a JSON value as a plain Java value: String, Boolean, BigDecimal, List, Map or null} */
    static Object plain(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isArray()) {
            List<Object> list = new ArrayList<>(value.size());
            value.forEach(v -> list.add(plain(v)));
            return Collections.unmodifiableList(list);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        value.properties().forEach(e -> map.put(e.getKey(), plain(e.getValue())));
        return Collections.unmodifiableMap(map);
    }
}
