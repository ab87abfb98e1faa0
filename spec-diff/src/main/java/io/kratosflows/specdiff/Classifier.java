package io.kratosflows.specdiff;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedMediaType;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedRequestBody;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.Endpoint;
import org.openapitools.openapidiff.core.model.schema.ChangedOneOfSchema;

/**
 * Turns openapi-diff's result into {@link Change}s classified against what kratos-flows uses.
 *
 * <p>The rule behind every classification: a change {@linkplain Classification#BREAKS breaks
 * kratos-flows} only when kratos-flows' description has the thing in its old form (it uses the
 * removed parameter, it does not send the property that became required, its type is the old one).
 * A removal or tightening of anything the description does not have is
 * {@linkplain Classification#UNAFFECTED unaffected}; anything new is
 * {@linkplain Classification#ADDITIVE additive}, unless it is a new outcome for an operation or
 * schema kratos-flows uses, or a new value of an enum it switches on, which
 * {@linkplain Classification#NEEDS_ATTENTION needs attention}. Required flags are judged by side: a
 * property kratos-flows sends breaks when it becomes required; one it reads breaks when it stops
 * being required.
 *
 * <p>openapi-diff compares each pair of component schemas once, wherever they are referenced; a
 * reference from one place to a same-named component is therefore reported in that schema's own
 * section, not at every place that uses it.
 */
final class Classifier {

    /** Enum places whose new values are new outcomes kratos-flows switches on, and what reports call a value. */
    private static final List<Watched> WATCHED = List.of(
            new Watched("uiNode", "/properties/type", "node type"),
            new Watched("*", "/properties/node_type", "node type"),
            new Watched("uiNode", "/properties/group", "node group"),
            new Watched("*FlowState", "", "flow state"),
            new Watched("*Flow", "/properties/state", "flow state"),
            new Watched("authenticatorAssuranceLevel", "", "AAL"));

    private final Described own;
    private final Map<Schema<?>, String> oldNames;
    private final Map<Schema<?>, String> newNames;
    private final Set<String> bodyRoots;
    private final Set<Change> changes = new HashSet<>();

    private Classifier(Described own, OpenAPI oldApi, OpenAPI newApi) {
        this.own = own;
        this.oldNames = names(oldApi);
        this.newNames = names(newApi);
        this.bodyRoots = new HashSet<>(bodyRoots(oldApi));
        this.bodyRoots.addAll(bodyRoots(newApi));
    }

    /**
     * Classifies every change of {@code diff}.
     *
     * @param diff    openapi-diff's result for {@code oldApi} and {@code newApi}
     * @param oldApi  the old spec, as openapi-diff compared it
     * @param newApi  the new spec, as openapi-diff compared it
     * @param own     what kratos-flows uses
     * @param skipped paths added for the comparison only, not reported
     */
    static Set<Change> classify(ChangedOpenApi diff, OpenAPI oldApi, OpenAPI newApi, Described own, Set<String> skipped) {
        Classifier c = new Classifier(own, oldApi, newApi);
        Predicate<String> reported = path -> !skipped.contains(path);
        diff.getNewEndpoints().stream().filter(e -> reported.test(e.getPathUrl())).forEach(c::added);
        diff.getMissingEndpoints().stream().filter(e -> reported.test(e.getPathUrl())).forEach(c::removed);
        diff.getChangedOperations().stream().filter(o -> reported.test(o.getPathUrl())).forEach(c::operation);
        c.components(oldApi, newApi);
        diff.getChangedSchemas().forEach(c::component);
        return c.changes;
    }

    // --- operations ----------------------------------------------------------------------------

    private void added(Endpoint e) {
        Subject.Operation s = subject(e.getMethod().name(), e.getPathUrl(), e.getOperation(), null);
        emit(s, "", ChangeKind.OPERATION_ADDED, Classification.ADDITIVE, "new operation");
    }

    private void removed(Endpoint e) {
        Subject.Operation s = subject(e.getMethod().name(), e.getPathUrl(), null, e.getOperation());
        emit(s, "", ChangeKind.OPERATION_REMOVED, s.usedByKratosFlows() ? Classification.BREAKS : Classification.UNAFFECTED,
                "operation removed");
    }

    private void operation(ChangedOperation co) {
        String method = co.getHttpMethod().name();
        String path = co.getPathUrl();
        Operation oldOp = co.getOldOperation();
        Operation newOp = co.getNewOperation();
        Subject.Operation s = subject(method, path, newOp, oldOp);
        Optional<Operation> ownOp = own.operation(method, path);

        if (!Objects.equals(oldOp.getOperationId(), newOp.getOperationId())) {
            boolean ownHasOld = ownOp.map(o -> !Objects.equals(o.getOperationId(), newOp.getOperationId())).orElse(false);
            emit(s, "/operationId", ChangeKind.OPERATION_ID_CHANGED, ownHasOld ? Classification.BREAKS : Classification.UNAFFECTED,
                    "operation id `" + oldOp.getOperationId() + "` renamed to `" + newOp.getOperationId() + "`");
        }
        if (deprecated(oldOp.getDeprecated()) != deprecated(newOp.getDeprecated())) {
            deprecation(s, "", ownOp.isPresent(), deprecated(newOp.getDeprecated()), "operation");
        }
        parameters(s, co.getParameters());
        requestBody(s, ownOp, co.getRequestBody());
        responses(s, co.getApiResponses());
    }

    private void parameters(Subject.Operation s, ChangedParameters params) {
        if (params == null) {
            return;
        }
        for (Parameter p : params.getIncreased()) {
            boolean required = Boolean.TRUE.equals(p.getRequired());
            Classification c = !required ? Classification.ADDITIVE
                    : !s.usedByKratosFlows() || ownParameter(s, p.getIn(), p.getName()).map(Classifier::required).orElse(false)
                    ? Classification.UNAFFECTED : Classification.BREAKS;
            emit(s, parameterElement(p.getIn(), p.getName()), ChangeKind.PARAMETER_ADDED, c,
                    "new " + (required ? "required " : "optional ") + p.getIn() + " parameter `" + p.getName() + "`");
        }
        for (Parameter p : params.getMissing()) {
            boolean used = ownParameter(s, p.getIn(), p.getName()).isPresent();
            emit(s, parameterElement(p.getIn(), p.getName()), ChangeKind.PARAMETER_REMOVED,
                    used ? Classification.BREAKS : Classification.UNAFFECTED,
                    p.getIn() + " parameter `" + p.getName() + "` removed");
        }
        for (ChangedParameter cp : params.getChanged()) {
            String element = parameterElement(cp.getIn(), cp.getName());
            Optional<Parameter> ownParam = ownParameter(s, cp.getIn(), cp.getName());
            String what = cp.getIn() + " parameter `" + cp.getName() + "`";
            if (cp.isChangeRequired()) {
                if (required(cp.getNewParameter())) {
                    boolean alreadySent = ownParam.map(Classifier::required).orElse(false);
                    emit(s, element, ChangeKind.PARAMETER_REQUIRED,
                            s.usedByKratosFlows() && !alreadySent ? Classification.BREAKS : Classification.UNAFFECTED,
                            what + " is now required");
                } else {
                    emit(s, element, ChangeKind.PARAMETER_OPTIONAL, Classification.ADDITIVE, what + " is no longer required");
                }
            }
            if (deprecated(cp.getOldParameter().getDeprecated()) != deprecated(cp.getNewParameter().getDeprecated())) {
                deprecation(s, element, ownParam.isPresent(), deprecated(cp.getNewParameter().getDeprecated()), what);
            }
            if (cp.getSchema() != null) {
                Scope scope = new Scope(s, element, "", "", ownParam.map(Parameter::getSchema), true, false);
                schema(scope, cp.getSchema(), false);
            }
        }
    }

    private void requestBody(Subject.Operation s, Optional<Operation> ownOp, ChangedRequestBody rb) {
        if (rb == null) {
            return;
        }
        Optional<RequestBody> ownBody = ownOp.map(Operation::getRequestBody);
        RequestBody oldBody = rb.getOldRequestBody();
        RequestBody newBody = rb.getNewRequestBody();
        if (oldBody == null && newBody != null) {
            boolean required = Boolean.TRUE.equals(newBody.getRequired());
            emit(s, "/requestBody", ChangeKind.REQUEST_BODY_ADDED,
                    required && s.usedByKratosFlows() && ownBody.isEmpty() ? Classification.BREAKS : Classification.ADDITIVE,
                    "new " + (required ? "required" : "optional") + " request body");
            return;
        }
        if (newBody == null) {
            emit(s, "/requestBody", ChangeKind.REQUEST_BODY_REMOVED,
                    ownBody.isPresent() ? Classification.BREAKS : Classification.UNAFFECTED, "request body removed");
            return;
        }
        if (rb.isChangeRequired()) {
            boolean nowRequired = Boolean.TRUE.equals(newBody.getRequired());
            boolean ownSends = ownBody.map(b -> Boolean.TRUE.equals(b.getRequired())).orElse(false);
            emit(s, "/requestBody", ChangeKind.REQUEST_BODY_REQUIRED_CHANGED,
                    !nowRequired ? Classification.ADDITIVE
                            : s.usedByKratosFlows() && !ownSends ? Classification.BREAKS : Classification.UNAFFECTED,
                    nowRequired ? "the request body is now required" : "the request body is no longer required");
        }
        Optional<Content> ownContent = ownBody.map(RequestBody::getContent);
        content(s, "/requestBody", ownContent, ownBody.isPresent(), rb.getContent(), true);
    }

    private void responses(Subject.Operation s, ChangedApiResponse responses) {
        if (responses == null) {
            return;
        }
        responses.getIncreased().keySet().forEach(status -> emit(s, "/responses/" + status, ChangeKind.RESPONSE_ADDED,
                s.usedByKratosFlows() ? Classification.NEEDS_ATTENTION : Classification.ADDITIVE,
                "new response `" + status + "`"));
        responses.getMissing().keySet().forEach(status -> emit(s, "/responses/" + status, ChangeKind.RESPONSE_REMOVED,
                ownResponse(s, status).isPresent() ? Classification.BREAKS : Classification.UNAFFECTED,
                "response `" + status + "` removed"));
        responses.getChanged().forEach((status, changed) -> {
            Optional<ApiResponse> ownResponse = ownResponse(s, status);
            content(s, "/responses/" + status, ownResponse.map(ApiResponse::getContent), ownResponse.isPresent(),
                    changed.getContent(), false);
        });
    }

    private void content(Subject.Operation s, String element, Optional<Content> ownContent, boolean ownHasPart,
                         ChangedContent content, boolean request) {
        if (content == null) {
            return;
        }
        String part = request ? "the request body" : "response `" + element.substring(element.lastIndexOf('/') + 1) + "`";
        content.getIncreased().keySet().forEach(type -> emit(s, element + "/content/" + escape(type), ChangeKind.MEDIA_TYPE_ADDED,
                Classification.ADDITIVE, "new media type `" + type + "` for " + part));
        content.getMissing().keySet().forEach(type -> {
            boolean used = ownContent.map(c -> c.containsKey(type)).orElse(false);
            emit(s, element + "/content/" + escape(type), ChangeKind.MEDIA_TYPE_REMOVED,
                    used ? Classification.BREAKS : Classification.UNAFFECTED, "media type `" + type + "` of " + part + " removed");
        });
        content.getChanged().forEach((type, media) -> {
            if (media.getSchema() == null) {
                return;
            }
            Optional<Schema<?>> ownSchema = ownContent.flatMap(c -> Described.mediaSchema(c, type));
            if (request) {
                bodyMethods(s, ownSchema, ownHasPart, media);
            }
            Scope scope = new Scope(s, element + "/content/" + escape(type) + "/schema", "", "", ownSchema, request, !request);
            schema(scope, media.getSchema(), false);
        });
    }

    /** The methods of a request body: the discriminator mapping of its oneOf ({@code updateLoginFlowBody}, ...). */
    private void bodyMethods(Subject.Operation s, Optional<Schema<?>> ownSchema, boolean ownHasBody, ChangedMediaType media) {
        ChangedSchema body = media.getSchema();
        ChangedOneOfSchema oneOf = body.getOneOfSchema();
        if (oneOf == null || !sameComponent(body)) {
            return; // an inline oneOf is reported by the schema walk
        }
        Set<String> ownKeys = ownSchema.map(own::resolve).map(Classifier::variantKeys).orElse(Set.of());
        oneOf.getIncreased().keySet().forEach(key -> emit(s, "/requestBody/methods/" + escape(key), ChangeKind.BODY_METHOD_ADDED,
                ownHasBody ? Classification.NEEDS_ATTENTION : Classification.ADDITIVE,
                "new request-body method `" + key + "` (`" + newNames.get(body.getNewSchema()) + "`)"));
        oneOf.getMissing().keySet().forEach(key -> emit(s, "/requestBody/methods/" + escape(key), ChangeKind.BODY_METHOD_REMOVED,
                ownKeys.contains(key) ? Classification.BREAKS : Classification.UNAFFECTED,
                "request-body method `" + key + "` removed (`" + oldNames.get(body.getOldSchema()) + "`)"));
    }

    // --- schemas -------------------------------------------------------------------------------

    private void components(OpenAPI oldApi, OpenAPI newApi) {
        Set<String> oldSchemas = schemaNames(oldApi);
        Set<String> newSchemas = schemaNames(newApi);
        newSchemas.stream().filter(n -> !oldSchemas.contains(n)).forEach(n ->
                emit(schemaSubject(n), "", ChangeKind.SCHEMA_ADDED, Classification.ADDITIVE, "new schema"));
        oldSchemas.stream().filter(n -> !newSchemas.contains(n)).forEach(n ->
                emit(schemaSubject(n), "", ChangeKind.SCHEMA_REMOVED,
                        own.hasSchema(n) ? Classification.BREAKS : Classification.UNAFFECTED, "schema removed"));
    }

    private void component(ChangedSchema cs) {
        String name = oldNames.get(cs.getOldSchema());
        if (name == null || !name.equals(newNames.get(cs.getNewSchema()))) {
            return; // a place that now refers to another schema: reported where it is referenced
        }
        Subject.Schema s = schemaSubject(name);
        schema(new Scope(s, "", name, "", own.schema(name), own.sent(name), own.read(name)), cs, true);
    }

    /** One schema of a comparison, and what is below it, unless it is a component compared on its own. */
    private void schema(Scope scope, ChangedSchema cs, boolean root) {
        Schema<?> oldSchema = cs.getOldSchema();
        Schema<?> newSchema = cs.getNewSchema();
        if (!root) {
            String oldName = oldNames.get(oldSchema);
            String newName = newNames.get(newSchema);
            if (oldName != null && newName != null) {
                if (!oldName.equals(newName)) {
                    boolean ownHasNew = scope.own().map(o -> newName.equals(Described.refName(o.get$ref()))).orElse(false);
                    emit(scope, "", ChangeKind.SCHEMA_REPLACED,
                            scope.own().isPresent() && !ownHasNew ? Classification.BREAKS : Classification.UNAFFECTED,
                            "schema `" + oldName + "` replaced by `" + newName + "`");
                }
                return; // the same component: compared in its own section
            }
        }
        if (cs.isChangedType()) {
            typeChanged(scope, oldSchema, newSchema);
            return; // openapi-diff compares nothing below a changed type
        }
        if (cs.isDiscriminatorPropertyChanged()) {
            emit(scope, "/discriminator", ChangeKind.DISCRIMINATOR_CHANGED,
                    scope.own().isPresent() ? Classification.BREAKS : Classification.UNAFFECTED,
                    "discriminator changed from " + discriminator(oldSchema) + " to " + discriminator(newSchema));
        }
        if (cs.isChangeDeprecated()) {
            deprecation(scope.subject(), scope.element(), scope.own().isPresent(), deprecated(newSchema.getDeprecated()),
                    scope.element().isEmpty() ? "schema" : "`" + scope.element() + "`");
        }
        enumValues(scope, cs);
        required(scope, cs);
        properties(scope, cs);
        if (cs.getItems() != null) {
            schema(scope.child("items", null, own), cs.getItems(), false);
        }
        if (cs.getAddProp() != null) {
            schema(scope.child("additionalProperties", null, own), cs.getAddProp(), false);
        }
        if (cs.getOneOfSchema() != null && !(root && bodyRoots.contains(scope.schemaName()))) {
            variants(scope, cs.getOneOfSchema(), newSchema);
        }
        constraints(scope, cs);
    }

    private void typeChanged(Scope scope, Schema<?> oldSchema, Schema<?> newSchema) {
        Optional<Schema<?>> ownResolved = scope.own().map(own::resolve);
        boolean ownHasNew = ownResolved.map(o -> newSchema != null && Objects.equals(o.getType(), newSchema.getType())
                && Objects.equals(o.getFormat(), newSchema.getFormat())).orElse(false);
        boolean composed = composed(oldSchema) || composed(newSchema);
        // a oneOf of objects is an object whether it says so or not (v1.3.1's continueWith does not, v25.4.0's does)
        boolean onlyDeclared = composed && oldSchema != null && newSchema != null
                && Objects.equals(oldSchema.getFormat(), newSchema.getFormat())
                && (oldSchema.getType() == null || "object".equals(oldSchema.getType()))
                && (newSchema.getType() == null || "object".equals(newSchema.getType()));
        emit(scope, "/type", ChangeKind.TYPE_CHANGED,
                ownResolved.isPresent() && !ownHasNew && !onlyDeclared ? Classification.BREAKS : Classification.UNAFFECTED,
                "type changed from " + rawType(oldSchema) + " to " + rawType(newSchema)
                        + (onlyDeclared ? " (a oneOf of objects either way)" : ""));
        if (oldSchema != null && newSchema != null && composed) {
            // openapi-diff stops at a changed type, but new or removed variants still matter
            Set<String> oldKeys = variantKeys(oldSchema);
            Set<String> newKeys = variantKeys(newSchema);
            Set<String> ownKeys = ownResolved.map(Classifier::variantKeys).orElse(Set.of());
            Map<String, String> mapping = newSchema.getDiscriminator() == null ? null : newSchema.getDiscriminator().getMapping();
            newKeys.stream().filter(k -> !oldKeys.contains(k)).forEach(key -> emit(scope, "/oneOf/" + escape(key),
                    ChangeKind.VARIANT_ADDED, scope.own().isPresent() ? Classification.NEEDS_ATTENTION : Classification.ADDITIVE,
                    "new oneOf variant `" + key + "`" + discriminatorNote(newSchema, mapping, key)));
            oldKeys.stream().filter(k -> !newKeys.contains(k)).forEach(key -> emit(scope, "/oneOf/" + escape(key),
                    ChangeKind.VARIANT_REMOVED, ownKeys.contains(key) ? Classification.BREAKS : Classification.UNAFFECTED,
                    "oneOf variant `" + key + "` removed"));
        }
    }

    private void enumValues(Scope scope, ChangedSchema cs) {
        if (cs.getEnumeration() == null) {
            return;
        }
        Optional<String> watched = watched(scope);
        String what = watched.orElse("enum value");
        for (Object value : cs.getEnumeration().getIncreased()) {
            emit(scope, "/enum/" + escape(String.valueOf(value)), ChangeKind.ENUM_VALUE_ADDED,
                    watched.isPresent() ? Classification.NEEDS_ATTENTION : Classification.ADDITIVE,
                    "new " + what + " `" + value + "`");
        }
        Set<String> ownValues = scope.own().map(own::resolve).map(o -> o.getEnum() == null ? Set.<String>of()
                : o.getEnum().stream().map(String::valueOf).collect(Collectors.toSet())).orElse(Set.of());
        for (Object value : cs.getEnumeration().getMissing()) {
            emit(scope, "/enum/" + escape(String.valueOf(value)), ChangeKind.ENUM_VALUE_REMOVED,
                    ownValues.contains(String.valueOf(value)) ? Classification.BREAKS : Classification.UNAFFECTED,
                    what + " `" + value + "` removed");
        }
    }

    private void required(Scope scope, ChangedSchema cs) {
        if (cs.getRequired() == null) {
            return;
        }
        Set<String> ownRequired = scope.own().map(own::resolve)
                .map(o -> o.getRequired() == null ? Set.<String>of() : Set.copyOf(o.getRequired())).orElse(Set.of());
        boolean used = scope.own().isPresent();
        for (String name : cs.getRequired().getIncreased()) {
            if (cs.getIncreasedProperties().containsKey(name)) {
                continue; // said with the new property
            }
            // sent: kratos-flows must now send it; read: a guarantee more
            Classification c = !used ? Classification.UNAFFECTED
                    : scope.sent() ? (ownRequired.contains(name) ? Classification.UNAFFECTED : Classification.BREAKS)
                    : Classification.ADDITIVE;
            emit(scope, "/properties/" + escape(name), ChangeKind.PROPERTY_REQUIRED, c, "property `" + name + "` is now required");
        }
        for (String name : cs.getRequired().getMissing()) {
            if (cs.getMissingProperties().containsKey(name)) {
                continue; // said with the removed property
            }
            // read: kratos-flows may rely on it being there; sent: a relaxation
            Classification c = !used ? Classification.UNAFFECTED
                    : scope.read() ? (ownRequired.contains(name) ? Classification.BREAKS : Classification.UNAFFECTED)
                    : Classification.ADDITIVE;
            emit(scope, "/properties/" + escape(name), ChangeKind.PROPERTY_OPTIONAL, c,
                    "property `" + name + "` is no longer required");
        }
    }

    private void properties(Scope scope, ChangedSchema cs) {
        Schema<?> newSchema = cs.getNewSchema();
        Set<String> ownRequired = scope.own().map(own::resolve)
                .map(o -> o.getRequired() == null ? Set.<String>of() : Set.copyOf(o.getRequired())).orElse(Set.of());
        cs.getIncreasedProperties().forEach((name, property) -> {
            boolean required = newSchema != null && newSchema.getRequired() != null && newSchema.getRequired().contains(name);
            Classification c = required && scope.own().isPresent() && scope.sent() && !ownRequired.contains(name)
                    ? Classification.BREAKS : Classification.ADDITIVE;
            emit(scope, "/properties/" + escape(name), ChangeKind.PROPERTY_ADDED, c,
                    "new " + (required ? "required" : "optional") + " property `" + name + "` (" + typeOf(property) + ")");
        });
        cs.getMissingProperties().forEach((name, property) -> {
            boolean used = scope.own().flatMap(o -> own.step(o, "properties", name)).isPresent();
            emit(scope, "/properties/" + escape(name), ChangeKind.PROPERTY_REMOVED,
                    used ? Classification.BREAKS : Classification.UNAFFECTED, "property `" + name + "` removed");
        });
        cs.getChangedProperties().forEach((name, changed) -> schema(scope.child("properties", name, own), changed, false));
    }

    private void variants(Scope scope, ChangedOneOfSchema oneOf, Schema<?> newSchema) {
        Set<String> ownKeys = scope.own().map(own::resolve).map(Classifier::variantKeys).orElse(Set.of());
        oneOf.getIncreased().keySet().forEach(key -> emit(scope, "/oneOf/" + escape(key), ChangeKind.VARIANT_ADDED,
                scope.own().isPresent() ? Classification.NEEDS_ATTENTION : Classification.ADDITIVE,
                "new oneOf variant `" + key + "`" + discriminatorNote(newSchema, oneOf.getNewMapping(), key)));
        oneOf.getMissing().keySet().forEach(key -> emit(scope, "/oneOf/" + escape(key), ChangeKind.VARIANT_REMOVED,
                ownKeys.contains(key) ? Classification.BREAKS : Classification.UNAFFECTED,
                "oneOf variant `" + key + "` removed"));
    }

    private void constraints(Scope scope, ChangedSchema cs) {
        Schema<?> o = cs.getOldSchema();
        Schema<?> n = cs.getNewSchema();
        if (o == null || n == null) {
            return;
        }
        Classification c = scope.own().isPresent() ? Classification.NEEDS_ATTENTION : Classification.UNAFFECTED;
        if (cs.isChangeDefault()) {
            constraint(scope, c, "default", o.getDefault(), n.getDefault());
        }
        if (changed(cs.getNullable())) {
            constraint(scope, c, "nullable", o.getNullable(), n.getNullable());
        }
        if (changed(cs.getPattern())) {
            constraint(scope, c, "pattern", o.getPattern(), n.getPattern());
        }
        if (changed(cs.getMaxLength())) {
            constraint(scope, c, "maxLength", o.getMaxLength(), n.getMaxLength());
        }
        if (changed(cs.getMinLength())) {
            constraint(scope, c, "minLength", o.getMinLength(), n.getMinLength());
        }
        if (changed(cs.getNumericRange())) {
            constraint(scope, c, "minimum", o.getMinimum(), n.getMinimum());
            constraint(scope, c, "maximum", o.getMaximum(), n.getMaximum());
        }
        if (changed(cs.getMaxItems())) {
            constraint(scope, c, "maxItems", o.getMaxItems(), n.getMaxItems());
        }
        if (changed(cs.getMinItems())) {
            constraint(scope, c, "minItems", o.getMinItems(), n.getMinItems());
        }
    }

    private void constraint(Scope scope, Classification c, String name, Object oldValue, Object newValue) {
        if (Objects.equals(oldValue, newValue)) {
            return;
        }
        emit(scope, "/" + name, ChangeKind.CONSTRAINT_CHANGED, c,
                "`" + name + "` changed from " + value(oldValue) + " to " + value(newValue));
    }

    private void deprecation(Subject s, String element, boolean used, boolean nowDeprecated, String what) {
        emit(s, element + "/deprecated", ChangeKind.DEPRECATION_CHANGED,
                nowDeprecated && used ? Classification.NEEDS_ATTENTION : Classification.ADDITIVE,
                what + (nowDeprecated ? " is now deprecated" : " is no longer deprecated"));
    }

    // --- helpers -------------------------------------------------------------------------------

    private void emit(Scope scope, String suffix, ChangeKind kind, Classification c, String detail) {
        emit(scope.subject(), scope.element() + suffix, kind, c, detail);
    }

    private void emit(Subject s, String element, ChangeKind kind, Classification c, String detail) {
        changes.add(new Change(s, element, kind, c, detail));
    }

    private Subject.Operation subject(String method, String path, Operation newOp, Operation oldOp) {
        String id = newOp != null && newOp.getOperationId() != null ? newOp.getOperationId()
                : oldOp != null && oldOp.getOperationId() != null ? oldOp.getOperationId() : "";
        return new Subject.Operation(method, path, id, own.hasOperation(method, path));
    }

    private Subject.Schema schemaSubject(String name) {
        return new Subject.Schema(name, own.hasSchema(name));
    }

    private Optional<Parameter> ownParameter(Subject.Operation s, String in, String name) {
        return own.parameter(s.method(), s.path(), in, name);
    }

    private Optional<ApiResponse> ownResponse(Subject.Operation s, String status) {
        return own.response(s.method(), s.path(), status);
    }

    private boolean sameComponent(ChangedSchema cs) {
        String oldName = oldNames.get(cs.getOldSchema());
        return oldName != null && oldName.equals(newNames.get(cs.getNewSchema()));
    }

    private static Optional<String> watched(Scope scope) {
        return WATCHED.stream().filter(w -> w.matches(scope.schemaName(), scope.path())).map(Watched::label).findFirst();
    }

    /** The keys openapi-diff gives a oneOf's variants: the discriminator mapping, else the schema names. */
    @SuppressWarnings("rawtypes")
    private static Set<String> variantKeys(Schema<?> schema) {
        Set<String> keys = new TreeSet<>();
        if (schema.getDiscriminator() != null && schema.getDiscriminator().getMapping() != null) {
            keys.addAll(schema.getDiscriminator().getMapping().keySet());
        }
        Set<String> mapped = schema.getDiscriminator() == null || schema.getDiscriminator().getMapping() == null
                ? Set.of() : Set.copyOf(schema.getDiscriminator().getMapping().values());
        if (schema.getOneOf() != null) {
            for (Schema variant : schema.getOneOf()) {
                if (variant.get$ref() != null && !mapped.contains(variant.get$ref())) {
                    keys.add(Described.refName(variant.get$ref()));
                }
            }
        }
        return keys;
    }

    /** " → `target` (discriminator `property`)" for a mapped variant. */
    private static String discriminatorNote(Schema<?> schema, Map<String, String> mapping, String key) {
        String target = mapping == null ? null : mapping.get(key);
        String property = schema == null || schema.getDiscriminator() == null ? null : schema.getDiscriminator().getPropertyName();
        return (target == null ? "" : " → `" + Described.refName(target) + "`")
                + (property == null ? "" : " (discriminator `" + property + "`)");
    }

    private static boolean composed(Schema<?> schema) {
        return schema != null && (schema.getOneOf() != null || schema.getAnyOf() != null || schema.getAllOf() != null);
    }

    private static String rawType(Schema<?> schema) {
        if (schema == null) {
            return "nothing";
        }
        return schema.getType() == null ? "no type"
                : "`" + schema.getType() + (schema.getFormat() == null ? "" : " (" + schema.getFormat() + ")") + "`";
    }

    private static boolean changed(Changed changed) {
        return changed != null && !changed.isUnchanged();
    }

    private static boolean required(Parameter p) {
        return Boolean.TRUE.equals(p.getRequired());
    }

    private static boolean deprecated(Boolean flag) {
        return Boolean.TRUE.equals(flag);
    }

    private static String parameterElement(String in, String name) {
        return "/parameters/" + in + "/" + escape(name);
    }

    private String typeOf(Schema<?> schema) {
        if (schema == null) {
            return "nothing";
        }
        String name = newNames.containsKey(schema) ? newNames.get(schema) : oldNames.get(schema);
        if (name != null) {
            return "`" + name + "`";
        }
        if (schema.get$ref() != null) {
            return "`" + Described.refName(schema.get$ref()) + "`";
        }
        if (schema.getType() == null) {
            return schema.getOneOf() != null ? "oneOf" : schema.getAllOf() != null ? "allOf" : "any type";
        }
        String items = schema.getItems() == null ? "" : " of " + typeOf(schema.getItems());
        return "`" + schema.getType() + (schema.getFormat() == null ? "" : " (" + schema.getFormat() + ")") + "`" + items;
    }

    private static String discriminator(Schema<?> schema) {
        return schema == null || schema.getDiscriminator() == null || schema.getDiscriminator().getPropertyName() == null
                ? "none" : "`" + schema.getDiscriminator().getPropertyName() + "`";
    }

    private static String value(Object value) {
        return value == null ? "none" : "`" + value + "`";
    }

    /** RFC 6901 escaping of one path segment. */
    static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Map<Schema<?>, String> names(OpenAPI api) {
        Map<Schema<?>, String> names = new IdentityHashMap<>();
        if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
            ((Map<String, Schema<?>>) (Map) api.getComponents().getSchemas()).forEach((name, schema) -> names.put(schema, name));
        }
        return names;
    }

    private static Set<String> schemaNames(OpenAPI api) {
        return api.getComponents() == null || api.getComponents().getSchemas() == null ? Set.of()
                : Set.copyOf(api.getComponents().getSchemas().keySet());
    }

    /** The components that are the whole request body of an operation: their oneOf is that operation's methods. */
    private static Set<String> bodyRoots(OpenAPI api) {
        Set<String> roots = new HashSet<>();
        api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
            if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                for (MediaType media : op.getRequestBody().getContent().values()) {
                    if (media.getSchema() != null && media.getSchema().get$ref() != null) {
                        roots.add(Described.refName(media.getSchema().get$ref()));
                    }
                }
            }
        }));
        return roots;
    }

    /**
     * Where a schema comparison is: the subject and element to report, and what kratos-flows'
     * description has there.
     *
     * @param subject    the operation or schema reported
     * @param element    the path inside the subject
     * @param schemaName the component this scope is inside, or "" inside an operation
     * @param path       the path inside that component (for {@link #WATCHED})
     * @param own        kratos-flows' schema at this place, when its description has one (then kratos-flows uses it)
     * @param sent       whether kratos-flows sends what is here (request side)
     * @param read       whether kratos-flows reads what is here (response side)
     */
    private record Scope(Subject subject, String element, String schemaName, String path, Optional<Schema<?>> own,
                         boolean sent, boolean read) {

        Scope child(String segment, String name, Described described) {
            String step = "/" + segment + (name == null ? "" : "/" + escape(name));
            return new Scope(subject, element + step, schemaName, path + step,
                    own.flatMap(o -> described.step(o, segment, name)), sent, read);
        }
    }

    /**
     * An enum place kratos-flows switches on.
     *
     * @param schema a schema name, or {@code *Suffix} for every schema whose name ends so, or {@code *} for any
     * @param path   the path inside it ("" for the schema's own enum)
     * @param label  what a value is called, e.g. "node type"
     */
    private record Watched(String schema, String path, String label) {

        boolean matches(String schemaName, String at) {
            boolean schemaMatches = schema.equals("*") || (schema.startsWith("*") ? schemaName.endsWith(schema.substring(1))
                    : schemaName.equals(schema));
            return schemaMatches && at.equals(path) && !schemaName.isEmpty();
        }
    }
}
