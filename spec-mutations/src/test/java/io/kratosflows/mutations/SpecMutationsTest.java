package io.kratosflows.mutations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each mutation changes what it says, everywhere it says, and only adds. */
class SpecMutationsTest {

    private static ObjectNode official;

    @BeforeAll
    static void read() throws Exception {
        var spec = SpecMutations.officialSpec();
        if (spec.isEmpty()) {
            System.out.println("SKIPPED (no official spec): set KRATOS_OFFICIAL_SPEC_DIR to the folder holding kratos-v26.2.0.json");
        }
        official = spec.isPresent() ? SpecMutations.read(spec.get()) : null;
    }

    @Test
    void everyOperationGetsAnOptionalQueryParameter() {
        assumeTrue(official != null, "no official spec (KRATOS_OFFICIAL_SPEC_DIR)");
        ObjectNode mutated = SpecMutations.extraQueryParameter(official.deepCopy());

        var operations = SpecMutations.operations(mutated);
        assertTrue(operations.size() > 50, "operations: " + operations.size());
        for (ObjectNode op : operations) {
            assertTrue(StreamSupport.stream(op.path("parameters").spliterator(), false).anyMatch(p -> SpecMutations.PROBE
                    .equals(p.path("name").asText()) && !p.path("required").asBoolean()), op.path("operationId").asText());
        }
    }

    @Test
    void everyObjectSchemaGetsAProperty() {
        assumeTrue(official != null, "no official spec (KRATOS_OFFICIAL_SPEC_DIR)");
        ObjectNode mutated = SpecMutations.extraProperties(official.deepCopy());

        long withProperties = SpecMutations.schemas(official).values().stream().filter(s -> s.path("properties").isObject()).count();
        long probed = SpecMutations.schemas(mutated).values().stream().filter(s -> s.path("properties").has(SpecMutations.PROBE)).count();
        assertEquals(withProperties, probed);
        assertTrue(probed > 100, "schemas: " + probed);
    }

    @Test
    void everyStringEnumGetsAValue() {
        assumeTrue(official != null, "no official spec (KRATOS_OFFICIAL_SPEC_DIR)");
        ObjectNode mutated = SpecMutations.extraEnumValues(official.deepCopy());

        JsonNode type = mutated.at("/components/schemas/uiNode/properties/type/enum");
        assertEquals(SpecMutations.PROBE, type.get(type.size() - 1).asText());
        JsonNode aal = mutated.at("/components/schemas/authenticatorAssuranceLevel/enum");
        assertEquals(SpecMutations.PROBE, aal.get(aal.size() - 1).asText());
    }

    @Test
    void newVariantsAreMappedByTheirDiscriminators() {
        assumeTrue(official != null, "no official spec (KRATOS_OFFICIAL_SPEC_DIR)");
        ObjectNode mutated = SpecMutations.extraVariants(official.deepCopy());

        assertEquals("#/components/schemas/uiNodeProbeAttributes",
                mutated.at("/components/schemas/uiNodeAttributes/discriminator/mapping/probe").asText());
        assertEquals("#/components/schemas/continueWithProbe",
                mutated.at("/components/schemas/continueWith/discriminator/mapping/probe").asText());
        assertEquals("#/components/schemas/updateLoginFlowWithProbeMethod",
                mutated.at("/components/schemas/updateLoginFlowBody/discriminator/mapping/probe").asText());
        assertTrue(SpecMutations.operations(mutated).stream().allMatch(op -> op.path("responses").has("418")));
    }

    @Test
    void mutatedCopiesAreWrittenUnderTarget() throws Exception {
        assumeTrue(official != null, "no official spec (KRATOS_OFFICIAL_SPEC_DIR)");
        Path dir = Path.of(System.getProperty("kratos.mutations.dir", "target/mutated-specs"));

        for (SpecMutations.Mutation m : SpecMutations.ALL) {
            Path written = SpecMutations.write(dir, m, official);
            assertTrue(written.getFileName().toString().contains("v26.2.0"));
            assertTrue(java.nio.file.Files.size(written) > 100_000, written.toString());
        }
    }
}
