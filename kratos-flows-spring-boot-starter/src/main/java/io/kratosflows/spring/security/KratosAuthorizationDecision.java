package io.kratosflows.spring.security;

import java.util.Objects;
import org.springframework.security.authorization.AuthorizationDecision;

/**
 * A refusal by one of {@link KratosAuthorization}'s rules, carrying the {@link KratosProblem} the
 * client is answered with ({@code step_up}, {@code reauthenticate}, or {@code sign_in} when the
 * token stopped working).
 */
public final class KratosAuthorizationDecision extends AuthorizationDecision {

    private final KratosProblem problem;

    /** Creates a refusal for a problem. */
    public KratosAuthorizationDecision(KratosProblem problem) {
        super(false);
        this.problem = Objects.requireNonNull(problem, "problem == null");
    }

    /** {@return why access was refused} */
    public KratosProblem problem() {
        return problem;
    }

    @Override
    public String toString() {
        return "KratosAuthorizationDecision[granted=false, error=" + problem.error() + "]";
    }
}
