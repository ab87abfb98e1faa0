package io.kratosflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tolerant field reading: absent, null and wrongly typed fields are empty, never an exception. */
class JsonTest {

    private static final JsonNode NODE = FakeCalls.tree("""
            {"s":"text","blank":" ","n":42,"big":12345678901,"huge":1e30,"f":1.5,"b":true,"nul":null,
             "t":"2026-11-28T01:21:56Z","badTime":"yesterday","numTime":5,"arr":[1,"x",null],"empty":[],
             "obj":{"k":"v","nested":{"list":[true]}},"emptyObj":{}}""");

    @Test
    void textIsAnyScalarButNull() {
        assertEquals(Optional.of("text"), Json.text(NODE, "s"));
        assertEquals(Optional.of("42"), Json.text(NODE, "n"));
        assertEquals(Optional.of("true"), Json.text(NODE, "b"));
        assertEquals(Optional.empty(), Json.text(NODE, "nul"));
        assertEquals(Optional.empty(), Json.text(NODE, "obj"));
        assertEquals(Optional.empty(), Json.text(NODE, "absent"));
        assertEquals("fallback", Json.text(NODE, "absent", "fallback"));
        assertEquals(Optional.empty(), Json.nonBlank(NODE, "blank"));
        assertEquals(Optional.empty(), Json.nonBlank(NODE, "n"), "a number is not a string");
        assertEquals(Optional.of("text"), Json.nonBlank(NODE, "s"));
    }

    @Test
    void numbersAndBooleansMustHaveTheirType() {
        assertEquals(Optional.of(42), Json.integer(NODE, "n"));
        assertEquals(Optional.empty(), Json.integer(NODE, "big"), "does not fit an int");
        assertEquals(Optional.empty(), Json.integer(NODE, "s"));
        assertEquals(Optional.of(12345678901L), Json.longValue(NODE, "big"));
        assertEquals(Optional.empty(), Json.longValue(NODE, "huge"));
        assertEquals(Optional.empty(), Json.longValue(NODE, "f"));
        assertTrue(Json.bool(NODE, "b"));
        assertFalse(Json.bool(NODE, "s"));
        assertFalse(Json.bool(NODE, "absent"));
    }

    @Test
    void timesArrayAndMapsAreEmptyWhenMalformed() {
        assertEquals(Optional.of(Instant.parse("2026-11-28T01:21:56Z")), Json.instant(NODE, "t"));
        assertEquals(Optional.empty(), Json.instant(NODE, "badTime"));
        assertEquals(Optional.empty(), Json.instant(NODE, "numTime"));
        assertEquals(3, Json.array(NODE, "arr").size());
        assertEquals(List.of(), Json.array(NODE, "empty"));
        assertEquals(List.of(), Json.array(NODE, "obj"));
        assertEquals(Map.of("k", "v", "nested", Map.of("list", List.of(true))), Json.map(NODE, "obj"));
        assertEquals(Map.of(), Json.map(NODE, "emptyObj"));
        assertEquals(Map.of(), Json.map(NODE, "arr"));
    }

    @Test
    void plainValuesAreJavaValues() {
        assertEquals(java.util.Arrays.asList(new BigDecimal("1"), "x", null), Json.plain(NODE.path("arr")));
        assertEquals(new BigDecimal("1.5"), Json.plain(NODE.path("f")));
        assertNull(Json.plain(NODE.path("nul")));
        assertNull(Json.plain(NODE.path("absent")));
        assertNull(Json.plain(null));
    }

    @Test
    void parsingRefusesDuplicateKeysAndHugeNumbers() throws IOException {
        assertThrows(IOException.class, () -> Json.parse("{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IOException.class, () -> Json.parse(("{\"a\":" + "9".repeat(Json.MAX_NUMBER_LENGTH + 1) + "}").getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, Json.parse("{\"a\":1}".getBytes(StandardCharsets.UTF_8)).path("a").intValue());
    }
}
