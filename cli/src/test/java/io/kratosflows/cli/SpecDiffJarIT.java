package io.kratosflows.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar kratos-flows.jar spec-diff}: the shaded jar carries swagger-parser's and slf4j's
 * service files, so the parser, openapi-diff and the no-op logger work from it. Needs no Kratos;
 * the official specs are compared too when {@code KRATOS_OFFICIAL_SPEC_DIR} is set.
 */
class SpecDiffJarIT {

    private record Result(int exitCode, String out, String err) {
    }

    private static Result runJar(Path dir, String... args) throws Exception {
        Path jar = Path.of(System.getProperty("kratos.flows.jar", "target/kratos-flows.jar"));
        if (!Files.isRegularFile(jar)) {
            System.err.println("SKIPPED: " + jar + " not built (run mvn package first)");
        }
        assumeTrue(Files.isRegularFile(jar), "SKIPPED: " + jar + " not built (run mvn package first)");
        List<String> command = JarCommand.of(jar, "spec-diff");
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "spec-diff did not finish in 120 s");
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theShadedJarComparesSpecsAndExitsOneWhenKratosFlowsBreaks(@TempDir Path dir) throws Exception {
        Path old = SpecDiffCommandTest.write(dir, "old.yaml", SpecDiffCommandTest.loginSpec("refresh"));
        Path neu = SpecDiffCommandTest.write(dir, "new.yaml", SpecDiffCommandTest.loginSpec());

        Result result = runJar(dir, old.toString(), neu.toString());

        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.out().contains("query parameter `refresh` removed"), result.toString());
        assertEquals("", result.err(), "nothing on stderr (no slf4j warning): " + result);
    }

    @Test
    void theShadedJarReadsTheOfficialSpecs(@TempDir Path dir) throws Exception {
        String specs = System.getenv("KRATOS_OFFICIAL_SPEC_DIR");
        if (specs == null || specs.isBlank()) {
            System.err.println("SKIPPED: official specs not compared by the jar: set KRATOS_OFFICIAL_SPEC_DIR");
        }
        assumeTrue(specs != null && !specs.isBlank(), "SKIPPED: KRATOS_OFFICIAL_SPEC_DIR not set");

        long start = System.nanoTime();
        Result result = runJar(dir, Path.of(specs, "kratos-v1.3.1.json").toString(), Path.of(specs, "kratos-v26.2.0.json").toString());
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.out().contains("**Nothing here breaks kratos-flows.**"), result.toString());
        assertTrue(result.out().contains("new node type `div`"), result.toString());
        assertEquals("", result.err(), result.toString());
        System.out.println("kratos-flows spec-diff v1.3.1 → v26.2.0 as a process: " + millis + " ms");
    }
}
