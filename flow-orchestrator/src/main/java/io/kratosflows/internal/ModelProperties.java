package io.kratosflows.internal;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.kratosflows.error.InvalidInputException;
import io.kratosflows.generated.invoker.ModelJson;
import io.kratosflows.generated.invoker.Operation;
import java.util.List;
import java.util.Optional;

/**
 * Sets a property of a generated model by its name in the spec ({@code transient_payload},
 * {@code external_id}), so that the library compiles against a client generated from a spec whose
 * model lacks it and refuses the value at call time instead of dropping it (as
 * {@link FlowStarts#option} does for parameters).
 */
final class ModelProperties {

    private static final ObjectMapper MAPPER = ModelJson.newMapper();

    private ModelProperties() {
    }

    /**
     * Sets {@code jsonName} on {@code model} to {@code value}, converted to the property's type.
     *
     * @param what what the property belongs to, for the refusal, e.g. {@code updateLoginFlow (lookup_secret)}
     * @throws InvalidInputException naming the property and the spec when the model has no such property
     */
    static void set(Object model, String jsonName, Object value, String what) {
        Optional<AnnotatedMethod> setter = setter(model.getClass(), jsonName);
        if (setter.isEmpty()) {
            throw new InvalidInputException(what, List.of(jsonName
                    + ": not supported by the Kratos API this client was generated from (" + Operation.SPEC + ")"));
        }
        JavaType type = setter.get().getParameterType(0);
        try {
            setter.get().setValue(model, MAPPER.convertValue(value, type));
        } catch (Exception e) {
            throw new IllegalStateException(model.getClass().getSimpleName() + "." + jsonName + " could not be set", e); // a bug of ours
        }
    }

    /** {@return whether the model has a property of this name} */
    static boolean has(Class<?> modelType, String jsonName) {
        return setter(modelType, jsonName).isPresent();
    }

    private static Optional<AnnotatedMethod> setter(Class<?> modelType, String jsonName) {
        BeanDescription description = MAPPER.getDeserializationConfig().introspect(MAPPER.constructType(modelType));
        return description.findProperties().stream().filter(p -> p.getName().equals(jsonName))
                .map(BeanPropertyDefinition::getSetter).filter(s -> s != null).findFirst();
    }
}
