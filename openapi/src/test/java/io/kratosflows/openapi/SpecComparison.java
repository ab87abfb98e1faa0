package io.kratosflows.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Compares the project's API description ("ours") with an official Kratos spec ("theirs") and
 * lists every structural difference by JSON pointer into ours. Documentation (descriptions,
 * titles, examples) is ignored; everything a code generator turns into types and signatures
 * is compared.
 */
final class SpecComparison {

    private final OpenAPI ours;
    private final OpenAPI theirs;
    private final List<String> mismatches = new ArrayList<>();

    private SpecComparison(OpenAPI ours, OpenAPI theirs) {
        this.ours = ours;
        this.theirs = theirs;
    }

    /** Returns one line per mismatch, each starting with the JSON pointer of the place in ours. */
    static List<String> compare(OpenAPI ours, OpenAPI theirs) {
        SpecComparison c = new SpecComparison(ours, theirs);
        c.comparePaths();
        c.compareSchemas();
        return List.copyOf(c.mismatches);
    }

    private void comparePaths() {
        ours.getPaths().forEach((path, ourItem) -> {
            String ptr = "/paths/" + escape(path);
            PathItem theirItem = theirs.getPaths().get(path);
            if (theirItem == null) {
                mismatch(ptr, "path does not exist in the official spec");
                return;
            }
            ourItem.readOperationsMap().forEach((method, ourOp) -> {
                String opPtr = ptr + "/" + method.name().toLowerCase();
                Operation theirOp = theirItem.readOperationsMap().get(method);
                if (theirOp == null) {
                    mismatch(opPtr, "operation does not exist in the official spec");
                } else {
                    compareOperation(opPtr, ourOp, theirOp);
                }
            });
        });
    }

    private void compareOperation(String ptr, Operation ours, Operation theirs) {
        same(ptr + "/operationId", ours.getOperationId(), theirs.getOperationId());
        same(ptr + "/tags", ours.getTags(), theirs.getTags());
        List<Parameter> ourParams = orEmpty(ours.getParameters());
        List<Parameter> theirParams = orEmpty(theirs.getParameters());
        same(ptr + "/parameters (names in order)", names(ourParams), names(theirParams));
        for (int i = 0; i < Math.min(ourParams.size(), theirParams.size()); i++) {
            Parameter o = ourParams.get(i);
            Parameter t = theirParams.get(i);
            String p = ptr + "/parameters/" + i;
            same(p + "/in", o.getIn(), t.getIn());
            same(p + "/required", Boolean.TRUE.equals(o.getRequired()), Boolean.TRUE.equals(t.getRequired()));
            compareSchema(p + "/schema", o.getSchema(), t.getSchema());
        }
        compareRequestBody(ptr + "/requestBody", ours.getRequestBody(), theirs.getRequestBody());
        Map<String, ApiResponse> ourResponses = ours.getResponses();
        ourResponses.forEach((code, r) -> {
            String p = ptr + "/responses/" + code;
            ApiResponse t = theirs.getResponses().get(code);
            if (t == null) {
                mismatch(p, "response does not exist in the official spec");
                return;
            }
            same(p + "/$ref", r.get$ref(), t.get$ref());
            compareContent(p + "/content", r.getContent(), t.getContent());
        });
        same(ptr + "/responses (codes)", ourResponses.keySet(), theirs.getResponses().keySet());
    }

    private void compareRequestBody(String ptr, RequestBody ours, RequestBody theirs) {
        if (ours == null || theirs == null) {
            same(ptr, ours == null ? "absent" : "present", theirs == null ? "absent" : "present");
            return;
        }
        same(ptr + "/required", Boolean.TRUE.equals(ours.getRequired()), Boolean.TRUE.equals(theirs.getRequired()));
        compareContent(ptr + "/content", ours.getContent(), theirs.getContent());
    }

    private void compareContent(String ptr, Content ours, Content theirs) {
        Map<String, MediaType> o = ours == null ? Map.of() : ours;
        Map<String, MediaType> t = theirs == null ? Map.of() : theirs;
        same(ptr + " (media types)", o.keySet(), t.keySet());
        o.forEach((type, media) -> {
            MediaType other = t.get(type);
            if (other != null) {
                compareSchema(ptr + "/" + escape(type) + "/schema", media.getSchema(), other.getSchema());
            }
        });
    }

    @SuppressWarnings("rawtypes") // swagger-core's components hold raw Schema maps
    private void compareSchemas() {
        Map<String, Schema> theirSchemas = theirs.getComponents().getSchemas();
        ours.getComponents().getSchemas().forEach((name, schema) -> {
            String ptr = "/components/schemas/" + escape(name);
            Schema other = theirSchemas.get(name);
            if (other == null) {
                mismatch(ptr, "schema does not exist in the official spec");
            } else {
                compareSchema(ptr, schema, other);
            }
        });
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private void compareSchema(String ptr, Schema ours, Schema theirs) {
        if (ours == null || theirs == null) {
            same(ptr, ours == null ? "absent" : "present", theirs == null ? "absent" : "present");
            return;
        }
        same(ptr + "/$ref", ours.get$ref(), theirs.get$ref());
        same(ptr + "/type", ours.getType(), theirs.getType());
        same(ptr + "/format", ours.getFormat(), theirs.getFormat());
        same(ptr + "/enum", ours.getEnum(), theirs.getEnum());
        same(ptr + "/required", ours.getRequired(), theirs.getRequired());
        same(ptr + "/nullable", ours.getNullable(), theirs.getNullable());
        same(ptr + "/default", ours.getDefault(), theirs.getDefault());
        same(ptr + "/minimum", ours.getMinimum(), theirs.getMinimum());
        same(ptr + "/maximum", ours.getMaximum(), theirs.getMaximum());
        same(ptr + "/pattern", ours.getPattern(), theirs.getPattern());
        same(ptr + "/readOnly", ours.getReadOnly(), theirs.getReadOnly());
        compareDiscriminator(ptr + "/discriminator", ours.getDiscriminator(), theirs.getDiscriminator());
        compareSchema(ptr + "/items", ours.getItems(), theirs.getItems(), true);
        compareAdditional(ptr + "/additionalProperties", ours.getAdditionalProperties(), theirs.getAdditionalProperties());
        compareList(ptr + "/oneOf", ours.getOneOf(), theirs.getOneOf());
        compareList(ptr + "/allOf", ours.getAllOf(), theirs.getAllOf());
        compareList(ptr + "/anyOf", ours.getAnyOf(), theirs.getAnyOf());
        Map<String, Schema> op = ours.getProperties() == null ? Map.of() : ours.getProperties();
        Map<String, Schema> tp = theirs.getProperties() == null ? Map.of() : theirs.getProperties();
        same(ptr + "/properties (names)", op.keySet(), tp.keySet());
        op.forEach((name, s) -> {
            if (tp.containsKey(name)) {
                compareSchema(ptr + "/properties/" + escape(name), s, tp.get(name));
            }
        });
    }

    private void compareSchema(String ptr, Schema<?> ours, Schema<?> theirs, boolean optional) {
        if (optional && ours == null && theirs == null) {
            return;
        }
        compareSchema(ptr, ours, theirs);
    }

    private void compareAdditional(String ptr, Object ours, Object theirs) {
        if (ours instanceof Schema<?> o && theirs instanceof Schema<?> t) {
            compareSchema(ptr, o, t);
        } else {
            same(ptr, ours, theirs);
        }
    }

    @SuppressWarnings("rawtypes")
    private void compareList(String ptr, List<Schema> ours, List<Schema> theirs) {
        List<Schema> o = orEmpty(ours);
        List<Schema> t = orEmpty(theirs);
        same(ptr + " (size)", o.size(), t.size());
        for (int i = 0; i < Math.min(o.size(), t.size()); i++) {
            compareSchema(ptr + "/" + i, o.get(i), t.get(i));
        }
    }

    private void compareDiscriminator(String ptr, Discriminator ours, Discriminator theirs) {
        Function<Discriminator, Object> name = d -> d == null ? null : d.getPropertyName();
        Function<Discriminator, Object> mapping = d -> d == null ? null : d.getMapping();
        same(ptr + "/propertyName", name.apply(ours), name.apply(theirs));
        same(ptr + "/mapping", mapping.apply(ours), mapping.apply(theirs));
    }

    private void same(String ptr, Object ours, Object theirs) {
        if (!Objects.equals(normalize(ours), normalize(theirs))) {
            mismatch(ptr, "ours " + ours + " but official " + theirs);
        }
    }

    /** Numbers compare by value (a BigDecimal 1 equals 1.0); collections compare as written. */
    private static Object normalize(Object value) {
        if (value instanceof java.math.BigDecimal d) {
            return d.stripTrailingZeros();
        }
        return value;
    }

    private void mismatch(String ptr, String what) {
        mismatches.add(ptr + ": " + what);
    }

    private static List<String> names(List<Parameter> params) {
        List<String> names = new ArrayList<>();
        params.forEach(p -> names.add(p.getIn() + ":" + p.getName()));
        return names;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** RFC 6901 escaping of one pointer segment. */
    static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
