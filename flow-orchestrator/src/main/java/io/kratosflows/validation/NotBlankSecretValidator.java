package io.kratosflows.validation;

import io.kratosflows.Secret;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link NotBlankSecret} without ever reading the value into a message; null passes. */
public final class NotBlankSecretValidator implements ConstraintValidator<NotBlankSecret, Secret> {

    /** Creates the validator (called by Jakarta Validation). */
    public NotBlankSecretValidator() {
    }

    @Override
    public boolean isValid(Secret value, ConstraintValidatorContext context) {
        return value == null || !value.isBlank(); // null is @NotNull's concern (and an empty Optional's)
    }
}
