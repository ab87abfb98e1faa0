package io.kratosflows.mutations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Additive changes a newer Kratos could make to its spec, applied mechanically to a copy of the
 * official one: each must leave kratos-flows compiling and its unit tests passing. The probe names
 * stand for whatever a newer Kratos may add.
 */
final class SpecMutations {

    static final String PROBE = "kratos_flows_probe";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** One mutation: its name and what it does to a spec. */
    record Mutation(String name, String description, UnaryOperator<ObjectNode> apply) {
    }

    static final List<Mutation> ALL = List.of(
            new Mutation("optional-query-parameter", "an extra optional query parameter on every operation",
                    SpecMutations::extraQueryParameter),
            new Mutation("extra-properties", "an extra optional property on every object schema",
                    SpecMutations::extraProperties),
            new Mutation("extra-enum-values", "an extra value in every string enum", SpecMutations::extraEnumValues),
            new Mutation("extra-variants", "a new node type, continue_with action, request-body method and "
                    + "response status", SpecMutations::extraVariants));

    private SpecMutations() {
    }

    /** {@return the official v26.2.0 spec from {@code KRATOS_OFFICIAL_SPEC_DIR}, when that is set} */
    static Optional<Path> officialSpec() {
        String dir = System.getenv("KRATOS_OFFICIAL_SPEC_DIR");
        if (dir == null || dir.isBlank()) {
            return Optional.empty();
        }
        Path spec = Path.of(dir, "kratos-v26.2.0.json");
        return Files.isRegularFile(spec) ? Optional.of(spec) : Optional.empty();
    }

    static ObjectNode read(Path spec) throws IOException {
        return (ObjectNode) JSON.readTree(spec.toFile());
    }

    /** Writes the mutated copy as {@code kratos-v26.2.0-<name>.json} (the version stays in the file name). */
    static Path write(Path dir, Mutation mutation, ObjectNode spec) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve("kratos-v26.2.0-" + mutation.name() + ".json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(target.toFile(), mutation.apply().apply(spec.deepCopy()));
        return target;
    }

    static ObjectNode extraQueryParameter(ObjectNode spec) {
        operations(spec).forEach(op -> {
            ArrayNode parameters = op.has("parameters") ? (ArrayNode) op.get("parameters") : op.putArray("parameters");
            ObjectNode p = parameters.addObject().put("name", PROBE).put("in", "query").put("required", false);
            p.putObject("schema").put("type", "string");
        });
        return spec;
    }

    static ObjectNode extraProperties(ObjectNode spec) {
        schemas(spec).values().forEach(s -> {
            if (s.path("properties").isObject()) {
                ((ObjectNode) s.get("properties")).putObject(PROBE).put("type", "string");
            }
        });
        return spec;
    }

    static ObjectNode extraEnumValues(ObjectNode spec) {
        visit(spec, node -> {
            if (node.path("enum").isArray() && "string".equals(node.path("type").asText())) {
                ((ArrayNode) node.get("enum")).add(PROBE);
            }
        });
        return spec;
    }

    static ObjectNode extraVariants(ObjectNode spec) {
        ObjectNode schemas = (ObjectNode) spec.path("components").path("schemas");
        // A node type: a schema, a oneOf variant with its discriminator mapping, and the enum value.
        ObjectNode attributes = schemas.putObject("uiNodeProbeAttributes").put("type", "object");
        attributes.putArray("required").add("node_type");
        ObjectNode props = attributes.putObject("properties");
        props.putObject("node_type").put("type", "string").putArray("enum").add("probe");
        props.putObject("id").put("type", "string");
        variant(schemas, "uiNodeAttributes", "probe", "uiNodeProbeAttributes");
        ((ArrayNode) schemas.path("uiNode").path("properties").path("type").path("enum")).add("probe");
        // A continue_with action.
        ObjectNode action = schemas.putObject("continueWithProbe").put("type", "object");
        action.putArray("required").add("action");
        action.putObject("properties").putObject("action").put("type", "string").putArray("enum").add("probe");
        variant(schemas, "continueWith", "probe", "continueWithProbe");
        // A request-body method of every update*FlowBody union.
        for (String body : List.of("updateLoginFlowBody", "updateRegistrationFlowBody", "updateSettingsFlowBody",
                "updateRecoveryFlowBody", "updateVerificationFlowBody")) {
            String name = body.replace("Body", "WithProbeMethod");
            ObjectNode method = schemas.putObject(name).put("type", "object");
            method.putArray("required").add("method");
            method.putObject("properties").putObject("method").put("type", "string").putArray("enum").add("probe");
            variant(schemas, body, "probe", name);
        }
        // A response status on every operation.
        operations(spec).forEach(op -> ((ObjectNode) op.path("responses")).putObject("418")
                .put("description", "a status a newer Kratos answers with").putObject("content")
                .putObject("application/json").putObject("schema").put("$ref", "#/components/schemas/errorGeneric"));
        return spec;
    }

    private static void variant(ObjectNode schemas, String union, String value, String schema) {
        ObjectNode u = (ObjectNode) schemas.get(union);
        ((ArrayNode) u.get("oneOf")).addObject().put("$ref", "#/components/schemas/" + schema);
        ((ObjectNode) u.path("discriminator").path("mapping")).put(value, "#/components/schemas/" + schema);
    }

    static List<ObjectNode> operations(ObjectNode spec) {
        List<ObjectNode> ops = new ArrayList<>();
        spec.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (METHODS.contains(op.getKey())) {
                ops.add((ObjectNode) op.getValue());
            }
        }));
        return ops;
    }

    static Map<String, JsonNode> schemas(ObjectNode spec) {
        Map<String, JsonNode> all = new java.util.LinkedHashMap<>();
        spec.path("components").path("schemas").properties().forEach(e -> all.put(e.getKey(), e.getValue()));
        return all;
    }

    private static void visit(JsonNode node, java.util.function.Consumer<JsonNode> visitor) {
        visitor.accept(node);
        node.forEach(child -> visit(child, visitor));
    }
}
