package io.kratosflows.spring.security;

import java.util.Objects;
import org.springframework.security.core.AuthenticationException;

/**
 * A session token did not authenticate the request; {@link #problem()} says why and what the
 * client should do. The message never contains the token.
 */
public final class KratosAuthenticationException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    private final transient KratosProblem problem;

    /** Creates the exception for a problem. */
    public KratosAuthenticationException(KratosProblem problem) {
        super(Objects.requireNonNull(problem, "problem == null").error() + ": " + problem.message());
        this.problem = problem;
    }

    /** Creates the exception for a problem, with its cause (never one whose message holds the token). */
    public KratosAuthenticationException(KratosProblem problem, Throwable cause) {
        super(Objects.requireNonNull(problem, "problem == null").error() + ": " + problem.message(), cause);
        this.problem = problem;
    }

    /** {@return why the request was refused} */
    public KratosProblem problem() {
        return problem;
    }
}
