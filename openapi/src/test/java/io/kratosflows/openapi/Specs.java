package io.kratosflows.openapi;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Loads specs for the tests: ours from the module, official ones from KRATOS_OFFICIAL_SPEC_DIR. */
final class Specs {

    static final String OFFICIAL_DIR_VARIABLE = "KRATOS_OFFICIAL_SPEC_DIR";

    private Specs() {
    }

    static Path ownSpecPath() {
        return Path.of(System.getProperty("kratos.spec.own", "kratos-public-api.yaml"));
    }

    static SwaggerParseResult parse(Path file) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false); // keep $refs so that they are compared as written
        return new OpenAPIParser().readLocation(file.toAbsolutePath().toString(), null, options);
    }

    static OpenAPI parseOrFail(Path file) {
        SwaggerParseResult result = parse(file);
        if (result.getOpenAPI() == null) {
            throw new AssertionError("cannot parse " + file + ": " + result.getMessages());
        }
        return result.getOpenAPI();
    }

    /** The official spec of the given version, or empty when the folder variable is unset. */
    static Optional<Path> official(String version) {
        String dir = System.getenv(OFFICIAL_DIR_VARIABLE);
        if (dir == null || dir.isBlank()) {
            return Optional.empty();
        }
        Path file = Path.of(dir).resolve("kratos-" + version + ".json");
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(OFFICIAL_DIR_VARIABLE + " is set to " + dir + " but " + file + " does not exist");
        }
        return Optional.of(file);
    }

    /** Skips the calling test, printing the reason as one line so that it shows in the build log. */
    static void skipUnless(boolean condition, String reason) {
        if (!condition) {
            System.err.println("SKIPPED: " + reason);
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(condition, reason);
    }

    static String report(String title, List<String> mismatches) {
        return title + " (" + mismatches.size() + "):\n  " + String.join("\n  ", mismatches);
    }
}
