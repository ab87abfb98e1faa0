package io.kratosflows.error;

import java.util.List;

/**
 * A method payload failed validation before anything was sent (blank identifier, missing code,
 * ...). Lists every violation as {@code property: message}; values are never included.
 */
public final class InvalidInputException extends KratosException {

    private static final long serialVersionUID = 1L;
    private final List<String> violations;

    /**
     * @param subject    what was validated, e.g. {@code LoginMethod.Password}
     * @param violations one entry per violation, {@code property: message}
     */
    public InvalidInputException(String subject, List<String> violations) {
        super("Invalid " + subject + ": " + String.join("; ", violations), null);
        this.violations = List.copyOf(violations);
    }

    /** {@return the violations, {@code property: message} each, sorted} */
    public List<String> violations() {
        return violations;
    }
}
