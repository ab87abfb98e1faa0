package io.kratosflows.internal;

import io.kratosflows.error.InvalidInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/** Validates method payloads before any request; violations never include the rejected values. */
public final class Validation {

    // ParameterMessageInterpolator: no Expression Language implementation needed at run time.
    private static final Validator VALIDATOR = jakarta.validation.Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    private Validation() {
    }

    /**
     * Validates a payload.
     *
     * @throws InvalidInputException listing every violation as {@code property: message}
     */
    public static <T> T check(T payload) {
        if (payload == null) {
            throw new InvalidInputException("input", List.of("method: must not be null"));
        }
        Set<ConstraintViolation<T>> violations = VALIDATOR.validate(payload);
        if (!violations.isEmpty()) {
            List<String> lines = violations.stream()
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                    .sorted().toList();
            throw new InvalidInputException(subject(payload.getClass()), lines);
        }
        return payload;
    }

    private static String subject(Class<?> type) {
        Class<?> outer = type.getEnclosingClass();
        return outer == null ? type.getSimpleName() : outer.getSimpleName() + "." + type.getSimpleName();
    }
}
