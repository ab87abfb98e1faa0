package io.kratosflows.specdiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The upgrade reports committed under {@code openapi/upgrades/} are what the tool makes of the
 * official specs today: regenerated in memory and compared. Needs {@code KRATOS_OFFICIAL_SPEC_DIR};
 * skipped with one line when unset. To regenerate them after a change to the tool or to
 * {@code openapi/kratos-public-api.yaml}:
 *
 * <pre>
 * KRATOS_OFFICIAL_SPEC_DIR=/path/to/specs mvn -B test -pl spec-diff -am -Dtest=CommittedReportsTest -Dkratos.upgrades.write=true
 * </pre>
 */
class CommittedReportsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"v1.3.1, v25.4.0", "v25.4.0, v26.2.0"})
    void theCommittedReportIsCurrent(String from, String to) throws IOException {
        String report = SpecDiff.compare(TestSpecs.official(from), TestSpecs.official(to)).toMarkdown();
        Path file = Path.of(System.getProperty("kratos.upgrades.dir", "../openapi/upgrades")).resolve(from + "-to-" + to + ".md");
        if (Boolean.getBoolean("kratos.upgrades.write")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, report, StandardCharsets.UTF_8);
            System.err.println("wrote " + file.normalize());
            return;
        }
        assertTrue(Files.isRegularFile(file), () -> file + " is missing; regenerate it (see CommittedReportsTest)");
        assertEquals(report, Files.readString(file, StandardCharsets.UTF_8), () -> file.normalize()
                + " is stale: regenerate it with KRATOS_OFFICIAL_SPEC_DIR=" + TestSpecs.officialDir()
                + " mvn -B test -pl spec-diff -am -Dtest=CommittedReportsTest -Dkratos.upgrades.write=true");
    }
}
