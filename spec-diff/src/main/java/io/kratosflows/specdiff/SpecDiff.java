package io.kratosflows.specdiff;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.openapitools.openapidiff.core.compare.OpenApiDiff;
import org.openapitools.openapidiff.core.compare.OpenApiDiffOptions;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;

/**
 * Compares two Kratos specs and classifies every change for kratos-flows: the library behind
 * {@code kratos-flows spec-diff OLD NEW}.
 *
 * <pre>{@code
 * UpgradeReport report = SpecDiff.compare(KratosSpec.read(Path.of("kratos-v25.4.0.json")),
 *                                         KratosSpec.read(Path.of("kratos-v26.2.0.json")));
 * if (report.breaksKratosFlows()) { ... }
 * Files.writeString(Path.of("upgrade.md"), report.toMarkdown());
 * }</pre>
 *
 * <p>Both specs are repaired first ({@link KnownDefects}), then compared by openapi-diff
 * ({@code org.openapitools.openapidiff:openapi-diff-core}), and its result is classified against
 * kratos-flows' own description ({@link KratosSpec#kratosFlows()}). Stateless and thread-safe.
 */
public final class SpecDiff {

    /**
     * A path added to both specs for the comparison only: its one response lists every component
     * schema the two specs share, so that openapi-diff (which compares what operations reach)
     * compares them all, including those no operation refers to (the {@code *FlowState} enums).
     */
    static final String ALL_COMPONENTS_PATH = "/x-kratos-flows-spec-diff/components";

    private SpecDiff() {
    }

    /**
     * Compares two specs, judged against kratos-flows' own description.
     *
     * @throws SpecReadException when a spec cannot be read or compared (for example a {@code $ref} to nothing)
     */
    public static UpgradeReport compare(KratosSpec oldSpec, KratosSpec newSpec) {
        return compare(oldSpec, newSpec, KratosSpec.kratosFlows());
    }

    /**
     * Compares two specs, judged against {@code described}: what a client uses of the Kratos API.
     *
     * @throws SpecReadException when a spec cannot be read or compared
     */
    public static UpgradeReport compare(KratosSpec oldSpec, KratosSpec newSpec, KratosSpec described) {
        Objects.requireNonNull(oldSpec, "oldSpec == null");
        Objects.requireNonNull(newSpec, "newSpec == null");
        Objects.requireNonNull(described, "described == null");
        KratosSpec.Parsed oldParsed = oldSpec.parse();
        KratosSpec.Parsed newParsed = newSpec.parse();
        Described own = new Described(described.parse().api());
        OpenAPI oldApi = oldParsed.api();
        OpenAPI newApi = newParsed.api();
        addAllComponentsPath(oldApi, newApi);
        ChangedOpenApi diff;
        try {
            diff = OpenApiDiff.compare(oldApi, newApi, OpenApiDiffOptions.builder().build());
        } catch (RuntimeException e) {
            // openapi-diff fails on broken references ("ref '#/components/schemas/x' doesn't exist.")
            throw new SpecReadException("cannot compare " + oldSpec.name() + " with " + newSpec.name() + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
        Set<Change> changes = Classifier.classify(diff, oldApi, newApi, own, Set.of(ALL_COMPONENTS_PATH));
        List<String> repairs = new ArrayList<>();
        oldParsed.repairs().forEach(r -> repairs.add(oldSpec.name() + ": " + r));
        newParsed.repairs().forEach(r -> repairs.add(newSpec.name() + ": " + r));
        return new UpgradeReport(oldSpec.name(), newSpec.name(), described.name(), List.copyOf(changes), repairs);
    }

    private static void addAllComponentsPath(OpenAPI oldApi, OpenAPI newApi) {
        Set<String> shared = new TreeSet<>(schemaNames(oldApi));
        shared.retainAll(schemaNames(newApi));
        for (OpenAPI api : List.of(oldApi, newApi)) {
            Content content = new Content();
            // one media type per schema: openapi-diff pairs media types by name
            shared.forEach(name -> content.addMediaType("application/x-schema+" + name,
                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + name))));
            Operation probe = new Operation().operationId("xKratosFlowsSpecDiffComponents")
                    .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("all schemas").content(content)));
            api.getPaths().addPathItem(ALL_COMPONENTS_PATH, new PathItem().get(probe));
        }
    }

    private static Set<String> schemaNames(OpenAPI api) {
        return api.getComponents() == null || api.getComponents().getSchemas() == null ? Set.of()
                : api.getComponents().getSchemas().keySet();
    }
}
