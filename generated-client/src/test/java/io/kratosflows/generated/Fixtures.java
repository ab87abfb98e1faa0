package io.kratosflows.generated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kratosflows.generated.invoker.ModelJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads responses recorded from a live Kratos v26.2.0 (see fixtures/README.md). */
final class Fixtures {

    /** The mapper the generated models are meant to be read and written with. */
    static final ObjectMapper GENERATED_MAPPER = ModelJson.newMapper();
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private Fixtures() {
    }

    static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/v26.2.0/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode tree(String name) {
        try {
            return (ObjectNode) PLAIN.readTree(text(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T read(JsonNode json, Class<T> type) {
        try {
            return GENERATED_MAPPER.treeToValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode write(Object value) {
        return GENERATED_MAPPER.valueToTree(value);
    }

    /**
     * JSON equality where numbers compare by value: Kratos writes {@code 1040002}, the generated
     * model holds it as a {@code Long} (int64) and Jackson then makes a LongNode, not an IntNode.
     */
    static boolean sameJson(JsonNode expected, JsonNode actual) {
        return expected.equals((a, b) -> {
            if (a.isNumber() && b.isNumber()) {
                return a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;
            }
            return a.equals(b) ? 0 : 1;
        }, actual);
    }

    static void assertSameJson(JsonNode expected, JsonNode actual, String what) {
        if (!sameJson(expected, actual)) {
            throw new org.opentest4j.AssertionFailedError(what + " differs", expected.toString(), actual.toString());
        }
    }

    /** Drops properties whose value is null, recursively: the generator writes absent required fields as null. */
    static JsonNode withoutNulls(JsonNode json) {
        JsonNode copy = json.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode json) {
        if (json.isObject()) {
            ((ObjectNode) json).properties().removeIf(e -> e.getValue().isNull());
        }
        json.forEach(Fixtures::strip);
    }
}
