package io.kratosflows.specdiff;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What kratos-flows uses of the Kratos API: its own description, loaded (not a hard-coded list),
 * with the questions the classification asks of it: does it have this operation, parameter,
 * response status, schema, property, enum value or mapping; is a schema sent (request side) or
 * read (response side).
 */
final class Described {

    private static final String SCHEMA_REF = "#/components/schemas/";
    private static final String RESPONSE_REF = "#/components/responses/";

    private final Map<String, Operation> operations = new HashMap<>();
    private final Map<String, Schema<?>> schemas = new HashMap<>();
    private final Map<String, ApiResponse> responses = new HashMap<>();
    private final Set<String> requestSide = new HashSet<>();
    private final Set<String> responseSide = new HashSet<>();

    @SuppressWarnings({"rawtypes", "unchecked"})
    Described(OpenAPI api) {
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) ->
                operations.put(key(method.name(), path), op)));
        if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
            ((Map<String, Schema<?>>) (Map) api.getComponents().getSchemas()).forEach(schemas::put);
        }
        operations.values().forEach(op -> {
            Deque<Schema<?>> sent = new ArrayDeque<>();
            Deque<Schema<?>> read = new ArrayDeque<>();
            if (op.getParameters() != null) {
                op.getParameters().forEach(p -> push(sent, p.getSchema()));
            }
            if (op.getRequestBody() != null) {
                contentSchemas(op.getRequestBody().getContent()).forEach(s -> push(sent, s));
            }
            if (op.getResponses() != null) {
                op.getResponses().values().forEach(r -> contentSchemas(r.getContent()).forEach(s -> push(read, s)));
            }
            reach(sent, requestSide);
            reach(read, responseSide);
        });
        // responses that are $refs to components/responses
        if (api.getComponents() != null && api.getComponents().getResponses() != null) {
            responses.putAll(api.getComponents().getResponses());
            Deque<Schema<?>> read = new ArrayDeque<>();
            api.getComponents().getResponses().values().forEach(r -> contentSchemas(r.getContent()).forEach(s -> push(read, s)));
            reach(read, responseSide);
        }
    }

    static String key(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }

    /** The described operation with this method and path. */
    Optional<Operation> operation(String method, String path) {
        return Optional.ofNullable(operations.get(key(method, path)));
    }

    /** The described parameter of the operation, by location and name. */
    Optional<Parameter> parameter(String method, String path, String in, String name) {
        return operation(method, path).flatMap(op -> op.getParameters() == null ? Optional.empty()
                : op.getParameters().stream().filter(p -> name.equals(p.getName()) && in.equals(p.getIn())).findFirst());
    }

    /** The described response of the operation with this status ("200", "default"). */
    Optional<ApiResponse> response(String method, String path, String status) {
        return operation(method, path).flatMap(op -> Optional.ofNullable(op.getResponses()).map(r -> r.get(status)))
                .map(r -> r.get$ref() == null ? r : responses.getOrDefault(refName(r.get$ref()), r));
    }

    /** The schema of a described media type, when there is one. */
    static Optional<Schema<?>> mediaSchema(Content content, String mediaType) {
        return Optional.ofNullable(content).map(c -> c.get(mediaType)).map(MediaType::getSchema);
    }

    /** The described component schema of this name. */
    Optional<Schema<?>> schema(String name) {
        return Optional.ofNullable(schemas.get(name));
    }

    boolean hasSchema(String name) {
        return schemas.containsKey(name);
    }

    boolean hasOperation(String method, String path) {
        return operations.containsKey(key(method, path));
    }

    /** Whether kratos-flows sends this schema (it is reachable from a described parameter or request body). */
    boolean sent(String name) {
        return requestSide.contains(name);
    }

    /** Whether kratos-flows reads this schema (it is reachable from a described response). */
    boolean read(String name) {
        return responseSide.contains(name);
    }

    /** The schema one step down: {@code properties/NAME}, {@code items} or {@code additionalProperties}; refs followed. */
    Optional<Schema<?>> step(Schema<?> schema, String segment, String name) {
        Schema<?> from = resolve(schema);
        if (from == null) {
            return Optional.empty();
        }
        switch (segment) {
            case "properties":
                // Not Optional.map: swagger-core's property map holds raw Schemas (a lint warning).
                return from.getProperties() == null ? Optional.empty()
                        : Optional.<Schema<?>>ofNullable(from.getProperties().get(name));
            case "items":
                return Optional.ofNullable(from.getItems());
            case "additionalProperties":
                return from.getAdditionalProperties() instanceof Schema<?> s ? Optional.of(s) : Optional.empty();
            default:
                return Optional.empty();
        }
    }

    /** The component a {@code $ref} names, or the schema itself. */
    Schema<?> resolve(Schema<?> schema) {
        Schema<?> current = schema;
        for (int hops = 0; current != null && current.get$ref() != null && hops < 10; hops++) {
            current = schemas.get(refName(current.get$ref()));
        }
        return current;
    }

    /** {@code #/components/schemas/X} or {@code #/components/responses/X} → {@code X}; other refs are returned whole. */
    static String refName(String ref) {
        if (ref == null) {
            return null;
        }
        if (ref.startsWith(SCHEMA_REF)) {
            return ref.substring(SCHEMA_REF.length());
        }
        return ref.startsWith(RESPONSE_REF) ? ref.substring(RESPONSE_REF.length()) : ref;
    }

    private static List<Schema<?>> contentSchemas(Content content) {
        return content == null ? List.of() : content.values().stream()
                .map(MediaType::getSchema).filter(s -> s != null).<Schema<?>>map(s -> s).toList();
    }

    private static void push(Deque<Schema<?>> queue, Schema<?> schema) {
        if (schema != null) {
            queue.push(schema);
        }
    }

    /** Adds every component reachable from the queue's schemas to {@code names}. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private void reach(Deque<Schema<?>> queue, Set<String> names) {
        while (!queue.isEmpty()) {
            Schema<?> s = queue.pop();
            if (s.get$ref() != null) {
                String name = refName(s.get$ref());
                if (names.add(name) && schemas.containsKey(name)) {
                    queue.push(schemas.get(name));
                }
                continue;
            }
            if (s.getProperties() != null) {
                s.getProperties().values().forEach(p -> push(queue, p));
            }
            push(queue, s.getItems());
            if (s.getAdditionalProperties() instanceof Schema<?> extra) {
                push(queue, extra);
            }
            for (List<Schema> list : new List[] {s.getOneOf(), s.getAllOf(), s.getAnyOf()}) {
                if (list != null) {
                    list.forEach(x -> push(queue, x));
                }
            }
            if (s.getDiscriminator() != null && s.getDiscriminator().getMapping() != null) {
                s.getDiscriminator().getMapping().values().forEach(ref -> push(queue, new Schema<>().$ref(ref)));
            }
            push(queue, s.getNot());
        }
    }
}
