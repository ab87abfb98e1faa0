package io.kratosflows.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kratos-flows spec-diff OLD NEW}: the report on standard output or in a file, and its exit status. */
class SpecDiffCommandTest {

    /** createNativeLoginFlow with the given query parameters: part of what kratos-flows uses. */
    static String loginSpec(String... parameters) {
        StringBuilder yaml = new StringBuilder("""
                openapi: 3.0.3
                info: {title: a Kratos login, version: test}
                paths:
                  /self-service/login/api:
                    get:
                      operationId: createNativeLoginFlow
                      parameters:
                """);
        for (String p : parameters) {
            yaml.append("        - {in: query, name: ").append(p).append(", schema: {type: string}}\n");
        }
        yaml.append("""
                      responses:
                        '200': {description: the flow}
                """);
        return yaml.toString();
    }

    static Path write(Path dir, String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void aRemovedParameterKratosFlowsSendsBreaksIt(@TempDir Path dir) throws Exception {
        Path old = write(dir, "old.yaml", loginSpec("refresh", "return_to"));
        Path neu = write(dir, "new.yaml", loginSpec("return_to"));

        CliRun run = CliRun.run("spec-diff", old.toString(), neu.toString());

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("# Kratos API changes: `old.yaml` → `new.yaml`"), run.toString());
        assertTrue(run.out().contains("**1 change breaks kratos-flows.**"), run.toString());
        assertTrue(run.out().contains("`/parameters/query/refresh`: query parameter `refresh` removed"), run.toString());
        assertEquals("", run.err(), run.toString());
    }

    @Test
    void aNewOptionalParameterIsAdditiveAndExitsZero(@TempDir Path dir) throws Exception {
        Path old = write(dir, "old.yaml", loginSpec("refresh"));
        Path neu = write(dir, "new.yaml", loginSpec("refresh", "organization"));

        CliRun run = CliRun.run("spec-diff", old.toString(), neu.toString());

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("**Nothing here breaks kratos-flows.**"), run.toString());
        assertTrue(run.out().contains("| additive | `/parameters/query/organization` | new optional query parameter `organization` |"),
                run.toString());
    }

    @Test
    void jsonIsTheDocumentedStructure(@TempDir Path dir) throws Exception {
        Path old = write(dir, "old.yaml", loginSpec("refresh"));
        Path neu = write(dir, "new.yaml", loginSpec());

        CliRun run = CliRun.run("spec-diff", old.toString(), neu.toString(), "--json");

        assertEquals(1, run.exitCode(), run.toString());
        JsonNode envelope = new ObjectMapper().readTree(run.out());
        assertFalse(envelope.path("ok").asBoolean(), run.out());
        assertEquals(1, envelope.path("exit_code").asInt());
        assertEquals("breaks_kratos_flows", envelope.path("error").path("kind").asText());
        JsonNode json = envelope.path("data");
        assertEquals("kratos-flows-spec-diff/1", json.path("format").asText());
        assertTrue(json.path("breaks_kratos_flows").asBoolean());
        assertEquals("parameter_removed", json.path("changes").get(0).path("kind").asText());
        assertEquals("breaks", json.path("changes").get(0).path("classification").asText());
    }

    @Test
    void outputWritesTheReportToAFileAndSaysSoOnStandardError(@TempDir Path dir) throws Exception {
        Path old = write(dir, "old.yaml", loginSpec("refresh"));
        Path neu = write(dir, "new.yaml", loginSpec("refresh", "organization"));
        Path report = dir.resolve("upgrade.md");

        CliRun run = CliRun.run("spec-diff", old.toString(), neu.toString(), "--output", report.toString());

        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("", run.out(), run.toString());
        assertEquals(CliRun.run("spec-diff", old.toString(), neu.toString()).out(), Files.readString(report));
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().startsWith("kratos-flows: wrote " + report + " (breaks kratos-flows: 0, needs attention: 0, additive: 1,"),
                run.toString());
    }

    @Test
    void anUnreadableSpecIsAUsageErrorOnOneLine(@TempDir Path dir) throws Exception {
        Path old = write(dir, "old.yaml", loginSpec("refresh"));
        Path notOpenApi = write(dir, "notes.yaml", "name: kratos\n");

        CliRun missing = CliRun.run("spec-diff", old.toString(), dir.resolve("nope.json").toString());
        CliRun invalid = CliRun.run("spec-diff", old.toString(), notOpenApi.toString());

        assertEquals(2, missing.exitCode(), missing.toString());
        assertEquals(1, missing.errLines().size(), missing.toString());
        assertTrue(missing.err().startsWith("kratos-flows: cannot read " + dir.resolve("nope.json")), missing.toString());
        assertEquals(2, invalid.exitCode(), invalid.toString());
        assertEquals(1, invalid.errLines().size(), invalid.toString());
        assertTrue(invalid.err().startsWith("kratos-flows: notes.yaml is not an OpenAPI 3 document"), invalid.toString());
        assertFalse(invalid.all().contains("\tat "), "no stack trace: " + invalid);
    }

    @Test
    void aMissingSpecArgumentIsAUsageError(@TempDir Path dir) throws Exception {
        Path old = write(dir, "old.yaml", loginSpec("refresh"));

        CliRun run = CliRun.run("spec-diff", old.toString());

        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().contains("NEW"), run.toString());
    }
}
