package io.kratosflows.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tolerant reading of Kratos JSON: absent, null and wrongly typed fields become empty values. */
public final class Json {

    /** The mapper for our own reading; never fails on unknown properties. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true);

    private Json() {
    }

    /** {@return the text of a field that is a JSON string, number or boolean} */
    public static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** {@return the text of a field, or the fallback} */
    public static String text(JsonNode node, String field, String fallback) {
        return text(node, field).orElse(fallback);
    }

    /** {@return a boolean field; false when absent or not a boolean} */
    public static boolean bool(JsonNode node, String field) {
        return node.path(field).asBoolean(false);
    }

    /** {@return an integer field, when it is a number} */
    public static Optional<Integer> integer(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? Optional.of(value.intValue()) : Optional.empty();
    }

    /** {@return a timestamp field; Kratos writes RFC 3339 with nanoseconds} */
    public static Optional<Instant> instant(JsonNode node, String field) {
        return text(node, field).flatMap(Json::parseInstant);
    }

    private static Optional<Instant> parseInstant(String value) {
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty(); // a malformed time must not lose the rest of the response
        }
    }

    /** {@return the elements of an array field; empty when absent or not an array} */
    public static List<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node.path(field);
        List<JsonNode> items = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(items::add);
        }
        return items;
    }

    /** {@return a JSON object field as a map of plain Java values; empty when absent} */
    public static Map<String, Object> map(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isObject()) {
            return Map.of();
        }
        Map<String, Object> map = new LinkedHashMap<>();
        value.fields().forEachRemaining(e -> map.put(e.getKey(), plain(e.getValue())));
        return map;
    }

    /** {@return a JSON value as a plain Java value: String, Boolean, BigDecimal, List, Map or null} */
    public static Object plain(JsonNode value) {
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
            List<Object> list = new ArrayList<>();
            value.forEach(v -> list.add(plain(v)));
            return java.util.Collections.unmodifiableList(list);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        value.fields().forEachRemaining(e -> map.put(e.getKey(), plain(e.getValue())));
        return java.util.Collections.unmodifiableMap(map);
    }
}
