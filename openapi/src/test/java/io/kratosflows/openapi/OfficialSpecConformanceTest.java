package io.kratosflows.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.swagger.v3.oas.models.OpenAPI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Proves that the project's description is a faithful subset of the official Kratos v26.2.0 spec.
 * Needs {@code KRATOS_OFFICIAL_SPEC_DIR}; skipped with one line when it is unset.
 */
class OfficialSpecConformanceTest {

    static final String REFERENCE_VERSION = "v26.2.0";

    @Test
    void ownDescriptionIsAFaithfulSubsetOfTheOfficialSpec() {
        Optional<Path> official = Specs.official(REFERENCE_VERSION);
        Specs.skipUnless(official.isPresent(), "official-spec conformance not checked: set "
                + Specs.OFFICIAL_DIR_VARIABLE + " to a folder holding kratos-" + REFERENCE_VERSION + ".json");
        OpenAPI ours = Specs.parseOrFail(Specs.ownSpecPath());
        OpenAPI theirs = Specs.parseOrFail(official.get());

        List<String> mismatches = SpecComparison.compare(ours, theirs);

        assertEquals(List.of(), mismatches,
                () -> Specs.report("Differences from the official " + REFERENCE_VERSION + " spec", mismatches));
    }
}
