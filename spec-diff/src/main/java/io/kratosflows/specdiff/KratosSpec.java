package io.kratosflows.specdiff;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * An OpenAPI 3 description of the Kratos API, JSON or YAML: an official Kratos {@code spec/api.json}
 * or kratos-flows' own description ({@link #kratosFlows()}). Immutable: it keeps the text and
 * parses a fresh model for every use, because openapi-diff rewrites the models it compares.
 *
 * @param name the name reports show for it (the file name, never a whole path, so that reports
 *             generated on different machines are equal)
 * @param text the spec as written
 */
public record KratosSpec(String name, String text) {

    /** Where the openapi module puts {@code kratos-public-api.yaml} on the class path. */
    static final String OWN_DESCRIPTION = "/io/kratosflows/openapi/kratos-public-api.yaml";

    /**
     * @param name the name reports show for it
     * @param text the spec as written
     */
    public KratosSpec {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(text, "text == null");
    }

    /**
     * Reads a spec file and checks that it parses as OpenAPI 3.
     *
     * @throws SpecReadException when the file cannot be read or is not an OpenAPI 3 document
     */
    public static KratosSpec read(Path file) {
        Objects.requireNonNull(file, "file == null");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            throw new SpecReadException("cannot read " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
        Path fileName = file.getFileName();
        KratosSpec spec = new KratosSpec(fileName == null ? file.toString() : fileName.toString(), text);
        spec.parse(); // fail here, naming the file, rather than in the middle of a comparison
        return spec;
    }

    /** kratos-flows' own description of the Kratos API it consumes ({@code openapi/kratos-public-api.yaml}). */
    public static KratosSpec kratosFlows() {
        try (InputStream in = KratosSpec.class.getResourceAsStream(OWN_DESCRIPTION)) {
            if (in == null) {
                throw new IllegalStateException(OWN_DESCRIPTION + " is not on the class path (kratos-flows-openapi)");
            }
            return new KratosSpec("kratos-public-api.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + OWN_DESCRIPTION, e);
        }
    }

    /**
     * A fresh model of this spec with its {@linkplain KnownDefects known defects} repaired.
     *
     * @throws SpecReadException when the text is not an OpenAPI 3 document
     */
    Parsed parse() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true); // as openapi-diff reads specs: external refs resolved, internal ones kept
        SwaggerParseResult result;
        try {
            result = new OpenAPIV3Parser().readContents(text, null, options);
        } catch (RuntimeException e) {
            throw new SpecReadException(name + " is not a readable OpenAPI document: " + e.getMessage(), e);
        }
        OpenAPI api = result == null ? null : result.getOpenAPI();
        if (api == null || api.getPaths() == null) {
            List<String> messages = result == null || result.getMessages() == null ? List.of() : result.getMessages();
            throw new SpecReadException(name + " is not an OpenAPI 3 document"
                    + (messages.isEmpty() ? "" : ": " + messages.get(0)));
        }
        return new Parsed(api, KnownDefects.repair(api));
    }

    /**
     * A parsed, repaired model and the repairs made to it.
     *
     * @param api     the model (mutable: openapi-diff rewrites it)
     * @param repairs what {@link KnownDefects} repaired, one line each
     */
    record Parsed(OpenAPI api, List<String> repairs) {
        Parsed {
            Objects.requireNonNull(api, "api == null");
            repairs = List.copyOf(repairs);
        }
    }

    @Override
    public String toString() {
        return "KratosSpec[" + name + ", " + text.length() + " chars]";
    }
}
