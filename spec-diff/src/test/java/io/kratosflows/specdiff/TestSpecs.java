package io.kratosflows.specdiff;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** Specs for the tests: hand-made ones from the test resources, official ones from KRATOS_OFFICIAL_SPEC_DIR. */
final class TestSpecs {

    static final String OFFICIAL_DIR_VARIABLE = "KRATOS_OFFICIAL_SPEC_DIR";

    /** The skip reason is printed once per run, not once per test. */
    private static boolean skipPrinted;

    private TestSpecs() {
    }

    /** A hand-made spec from {@code src/test/resources/io/kratosflows/specdiff/}. */
    static KratosSpec resource(String name) {
        try (InputStream in = TestSpecs.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name);
            }
            return new KratosSpec(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The official spec of a Kratos version ("v26.2.0"); skips the test, with one printed line, when the folder is not set. */
    static KratosSpec official(String version) {
        Path file = officialDir().resolve("kratos-" + version + ".json");
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(OFFICIAL_DIR_VARIABLE + " is set but " + file + " does not exist");
        }
        return KratosSpec.read(file);
    }

    static Path officialDir() {
        Optional<String> dir = Optional.ofNullable(System.getenv(OFFICIAL_DIR_VARIABLE)).filter(d -> !d.isBlank());
        if (dir.isEmpty()) {
            String reason = "official Kratos specs not compared: set " + OFFICIAL_DIR_VARIABLE
                    + " to a folder holding kratos-v1.3.1.json, kratos-v25.4.0.json and kratos-v26.2.0.json";
            synchronized (TestSpecs.class) {
                if (!skipPrinted) {
                    System.err.println("SKIPPED: " + reason);
                    skipPrinted = true;
                }
            }
            Assumptions.abort(reason);
        }
        return Path.of(dir.get());
    }
}
