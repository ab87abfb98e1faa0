package io.kratosflows.error;

/**
 * The root of everything kratos-flows throws. Expected protocol results (validation errors, code
 * sent, expired flows, browser hand-overs, ...) are outcome values, never exceptions; an exception
 * means the call could not be made, the answer could not be understood, Kratos refused in a way the
 * flow cannot continue from, or the input was invalid before anything was sent. Messages never
 * contain secrets.
 */
public abstract sealed class KratosException extends RuntimeException
        permits KratosTransportException, UnexpectedResponseException, KratosErrorException, RateLimitedException,
        InvalidInputException {

    private static final long serialVersionUID = 1L;

    KratosException(String message, Throwable cause) {
        super(message, cause);
    }
}
