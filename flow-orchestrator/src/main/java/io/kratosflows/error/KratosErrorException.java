package io.kratosflows.error;

/**
 * Kratos answered with an error the flow cannot continue from (for example a 404 for an unknown
 * flow id, a 403 security violation, a 500). The {@link KratosError} carries status, error id,
 * reason and request id. Message: {@code what failed (HTTP 404, Error: ..., Request: ...)}, never
 * Kratos's free-text message or reason, which can echo what was sent (read them from {@link #error()}).
 */
public final class KratosErrorException extends KratosException {

    private static final long serialVersionUID = 1L;
    private final transient KratosError error;

    /**
     * @param what  what was attempted
     * @param error the error Kratos sent
     */
    public KratosErrorException(String what, KratosError error) {
        super(what + " (" + error.summary() + ")", null);
        this.error = error;
    }

    /** {@return the error Kratos sent} */
    public KratosError error() {
        return error;
    }

    /** {@return the HTTP status} */
    public int status() {
        return error.status();
    }
}
