package io.kratosflows.specdiff;

/**
 * A spec that cannot be read or compared: missing file, not JSON or YAML, not OpenAPI 3, or a
 * {@code $ref} to nothing. The message is one line naming the file and the first problem.
 */
public final class SpecReadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message one line: the file and what is wrong with it
     * @param cause   the underlying failure, when there is one
     */
    public SpecReadException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param message one line: the file and what is wrong with it */
    public SpecReadException(String message) {
        super(message);
    }
}
