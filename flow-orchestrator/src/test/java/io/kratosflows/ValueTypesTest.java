package io.kratosflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The identifier, secret and traits value types: what they accept, how they compare and what they print. */
class ValueTypesTest {

    /** A typed traits object, as an application would declare it. */
    record Person(String email, Name name) {
        record Name(String first, String last) {
        }
    }

    @Test
    void idsAreNonBlankAndPrintTheirValue() {
        assertEquals("f-1", FlowId.of("f-1").toString());
        assertEquals("i-1", IdentityId.of("i-1").toString());
        assertEquals("a flow id cannot be blank", assertThrows(IllegalArgumentException.class, () -> FlowId.of(" ")).getMessage());
        assertEquals("an identity id cannot be blank",
                assertThrows(IllegalArgumentException.class, () -> IdentityId.of("")).getMessage());
        assertThrows(NullPointerException.class, () -> FlowId.of(null));
    }

    @Test
    void aalReadsKnownLevelsAndNothingElse() {
        assertEquals(Aal.AAL0, Aal.fromWire("aal0"));
        assertEquals(Aal.AAL2, Aal.fromWire("aal2"));
        assertEquals(Aal.AAL3, Aal.fromWire("aal3"));
        assertEquals(Aal.UNKNOWN, Aal.fromWire("aal9"));
        assertEquals(Aal.UNKNOWN, Aal.fromWire("unknown"), "the UNKNOWN constant is not a wire value");
        assertEquals(Aal.UNKNOWN, Aal.fromWire(null));
        assertEquals("aal1", Aal.AAL1.wireValue());
    }

    @Test
    void secretsComeFromTextOrCharsAndSayWhetherTheyAreBlank() {
        assertEquals("pw", Secret.of(new char[] {'p', 'w'}).reveal());
        assertTrue(Secret.of(" \t").isBlank());
        assertFalse(Secret.of("x").isBlank());
        assertNotEquals(Secret.of("a"), "a", "a secret never equals its text");
        assertEquals(Secret.of("a").hashCode(), Secret.of("b").hashCode(), "the hash says nothing about the value");
    }

    @Test
    void tokensCompareByValueOnly() {
        assertNotEquals(SessionToken.of("ory_st_a"), SessionToken.of("ory_st_b"));
        assertNotEquals(SessionToken.of("ory_st_a"), Secret.of("ory_st_a"));
        assertEquals(SessionToken.of("ory_st_a").hashCode(), SessionToken.of("ory_st_b").hashCode());
    }

    @Test
    void traitsConvertToAndFromTypedObjectsAndPrintOnlyTheirNames() {
        Traits traits = Traits.from(new Person("ada@example.org", new Person.Name("Ada", "Lovelace")));

        assertEquals(Optional.of("Lovelace"), traits.text("name.last"));
        assertEquals(Optional.empty(), traits.text("name"), "an object is not text");
        assertEquals(new Person("ada@example.org", new Person.Name("Ada", "Lovelace")), traits.as(Person.class));
        assertEquals("Traits[email, name]", traits.toString());
        assertEquals(traits, Traits.of(Map.of("email", "ada@example.org", "name", Map.of("first", "Ada", "last", "Lovelace"))));
        assertEquals(traits.hashCode(), Traits.of(traits.json()).hashCode());
        assertNotEquals(traits, Traits.email("ada@example.org"));
        assertNotEquals(traits, "Traits[email, name]");
        assertFalse(traits.isEmpty());
        assertTrue(Traits.of(Map.of()).isEmpty());
    }

    @Test
    void traitsAreCopiedInAndOut() {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("email", "ada@example.org");
        Traits traits = Traits.of(json);

        json.put("email", "eve@example.org");
        traits.json().put("email", "mallory@example.org");

        assertEquals(Optional.of("ada@example.org"), traits.text("email"));
    }

    @Test
    void traitsMustBeAnObjectThatFitsTheType() {
        var notObject = assertThrows(IllegalArgumentException.class, () -> Traits.from(List.of("a")));
        var misfit = assertThrows(IllegalArgumentException.class, () -> Traits.email("x").as(Integer.class));

        assertTrue(notObject.getMessage().contains("ARRAY"), notObject.getMessage());
        assertTrue(misfit.getMessage().startsWith("traits do not fit java.lang.Integer"), misfit.getMessage());
    }

    @Test
    void anExchangeLineShowsTheStatusOrThatThereWasNone() {
        assertEquals("GET /sessions/whoami -> 401", new HttpExchange("GET", "/sessions/whoami", OptionalInt.of(401), Duration.ZERO).line());
        assertEquals("POST /self-service/login?flow=f -> no answer",
                new HttpExchange("POST", "/self-service/login?flow=f", OptionalInt.empty(), Duration.ZERO).line());
        assertEquals("f", HttpExchange.shownValue("flow", "f"));
        assertEquals("***", HttpExchange.shownValue("init_code", "secret"));
    }
}
