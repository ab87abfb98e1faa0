package io.kratosflows.error;

/**
 * Kratos could not be reached or did not answer in time: connection refused, unknown host, TLS
 * failure, timeout. Nothing is known about whether a submission took effect.
 */
public final class KratosTransportException extends KratosException {

    private static final long serialVersionUID = 1L;
    private final boolean timeout;

    /**
     * @param message what was attempted, without secrets
     * @param timeout whether a connect or read timeout expired
     * @param cause   the I/O failure
     */
    public KratosTransportException(String message, boolean timeout, Throwable cause) {
        super(message, cause);
        this.timeout = timeout;
    }

    /** {@return whether a connect or read timeout expired} */
    public boolean isTimeout() {
        return timeout;
    }
}
