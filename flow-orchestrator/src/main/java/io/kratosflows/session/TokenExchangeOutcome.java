package io.kratosflows.session;

import io.kratosflows.SessionToken;
import io.kratosflows.error.KratosError;
import java.util.Objects;
import java.util.function.Function;

/**
 * What Kratos answered to a session token exchange ({@code GET /sessions/token-exchange?init_code=&return_to_code=}),
 * the last step of a native flow that went through a browser (e.g. social sign-in).
 *
 * <pre>
 * 200 {session, session_token} → Exchanged
 * 403/404/410 {error}          → Rejected (unknown, used or expired codes)
 * </pre>
 */
public sealed interface TokenExchangeOutcome {

    /**
     * The codes were valid; the session and its token are issued.
     *
     * @param session the session
     * @param token   its token
     */
    record Exchanged(Session session, SessionToken token) implements TokenExchangeOutcome {
        /** Requires both components. */
        public Exchanged {
            Objects.requireNonNull(session, "session == null");
            Objects.requireNonNull(token, "token == null");
        }
    }

    /**
     * Kratos refused the codes: unknown, already used, or expired.
     *
     * @param error the error Kratos sent
     */
    record Rejected(KratosError error) implements TokenExchangeOutcome {
        /** Requires the error. */
        public Rejected {
            Objects.requireNonNull(error, "error == null");
        }
    }

    /** Applies the function for this variant: an exhaustive match on Java 17. */
    default <R> R fold(Function<Exchanged, R> exchanged, Function<Rejected, R> rejected) {
        return this instanceof Exchanged e ? exchanged.apply(e) : rejected.apply((Rejected) this);
    }
}
