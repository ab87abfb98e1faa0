package io.kratosflows.validation;

/** Shared constraint values for method payloads. */
public final class Constraints {

    /**
     * A pattern for "not blank" inside {@code Optional<...>}: unlike {@code @NotBlank} it accepts
     * the null an empty {@code Optional} unwraps to, so only a present blank value fails.
     */
    public static final String NOT_BLANK = "(?s).*\\S.*";

    private Constraints() {
    }
}
