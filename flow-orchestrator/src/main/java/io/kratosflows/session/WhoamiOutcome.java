package io.kratosflows.session;

import io.kratosflows.error.KratosError;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What Kratos answered to whoami ({@code GET /sessions/whoami} with {@code X-Session-Token}).
 *
 * <pre>
 * 200 {session}                                   → Active
 * 401 {error: no valid session}                   → NotSignedIn
 * 403 {error: session_aal2_required, redirect_browser_to} → SecondFactorRequired
 * </pre>
 */
public sealed interface WhoamiOutcome {

    /**
     * The token belongs to an active session.
     *
     * @param session the session, with identity
     */
    record Active(Session session) implements WhoamiOutcome {
        /** Requires the session. */
        public Active {
            Objects.requireNonNull(session, "session == null");
        }
    }

    /**
     * No valid session: the token is unknown, expired or revoked (HTTP 401).
     *
     * @param error the error Kratos sent
     */
    record NotSignedIn(KratosError error) implements WhoamiOutcome {
        /** Requires the error. */
        public NotSignedIn {
            Objects.requireNonNull(error, "error == null");
        }
    }

    /**
     * The session exists but lacks the assurance level whoami requires (HTTP 403
     * {@code session_aal2_required}): complete a second factor with
     * {@code login().start(LoginOptions.secondFactor(token))}.
     *
     * @param error             the error Kratos sent
     * @param redirectBrowserTo the browser URL Kratos suggests, when given
     */
    record SecondFactorRequired(KratosError error, Optional<String> redirectBrowserTo) implements WhoamiOutcome {
        /** Requires both components. */
        public SecondFactorRequired {
            Objects.requireNonNull(error, "error == null");
            Objects.requireNonNull(redirectBrowserTo, "redirectBrowserTo == null");
        }
    }

    /** Applies the function for this variant: an exhaustive match on Java 17. */
    default <R> R fold(Function<Active, R> active, Function<NotSignedIn, R> notSignedIn,
                       Function<SecondFactorRequired, R> secondFactor) {
        if (this instanceof Active a) {
            return active.apply(a);
        } else if (this instanceof NotSignedIn n) {
            return notSignedIn.apply(n);
        }
        return secondFactor.apply((SecondFactorRequired) this);
    }
}
