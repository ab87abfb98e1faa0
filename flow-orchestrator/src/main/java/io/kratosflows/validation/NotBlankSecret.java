package io.kratosflows.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotated {@link io.kratosflows.Secret} must not be blank. Like Jakarta's own constraints it
 * accepts null (combine with {@code @NotNull}), so that it also serves inside {@code Optional<...>}.
 */
@Documented
@Constraint(validatedBy = NotBlankSecretValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface NotBlankSecret {

    /** {@return the violation message} */
    String message() default "must not be blank";

    /** {@return the validation groups} */
    Class<?>[] groups() default {};

    /** {@return the payload} */
    Class<? extends Payload>[] payload() default {};
}
