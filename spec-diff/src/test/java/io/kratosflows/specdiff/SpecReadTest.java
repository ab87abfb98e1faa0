package io.kratosflows.specdiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Specs that cannot be read or compared fail with one line naming the file. */
class SpecReadTest {

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("kratos-v99.json");
        SpecReadException e = assertThrows(SpecReadException.class, () -> KratosSpec.read(missing));
        assertTrue(e.getMessage().startsWith("cannot read " + missing), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aDocumentThatIsNotOpenApiIsNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("not-openapi.yaml");
        Files.writeString(file, TestSpecs.resource("not-openapi.yaml").text());
        SpecReadException e = assertThrows(SpecReadException.class, () -> KratosSpec.read(file));
        assertTrue(e.getMessage().startsWith("not-openapi.yaml is not an OpenAPI 3 document"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aReferenceToNothingFailsTheComparisonWithOneLine() {
        SpecReadException e = assertThrows(SpecReadException.class, () -> SpecDiff.compare(
                TestSpecs.resource("old.yaml"), TestSpecs.resource("broken-ref.yaml"), TestSpecs.resource("described.yaml")));
        assertTrue(e.getMessage().startsWith("cannot compare old.yaml with broken-ref.yaml: "), e.getMessage());
        assertTrue(e.getMessage().contains("#/components/schemas/nowhere"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aReadSpecIsNamedByItsFileNameOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("kratos-test.yaml");
        Files.writeString(file, TestSpecs.resource("old.yaml").text());
        assertEquals("kratos-test.yaml", KratosSpec.read(file).name());
    }

    @Test
    void kratosFlowsOwnDescriptionIsOnTheClassPath() {
        KratosSpec own = KratosSpec.kratosFlows();
        assertEquals("kratos-public-api.yaml", own.name());
        assertTrue(own.parse().api().getPaths().containsKey("/self-service/login/api"));
    }
}
