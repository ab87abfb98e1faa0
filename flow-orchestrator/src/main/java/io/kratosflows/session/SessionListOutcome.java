package io.kratosflows.session;

import io.kratosflows.Page;
import io.kratosflows.error.KratosError;
import java.util.Objects;
import java.util.Optional;

/**
 * What Kratos answered to listing the caller's sessions ({@code GET /sessions} with
 * {@code X-Session-Token}, generated {@code listMySessions}). Kratos lists the <em>other</em>
 * active sessions of the identity, never the one the token belongs to (read that with whoami).
 *
 * <pre>
 * 200 [{session}, ...]  X-Total-Count: 2  Link: &lt;...&gt;; rel="next"  → Listed
 * 401 {error: No valid session cookie found.}                       → NotSignedIn
 * 403 {error: session_aal2_required}                                → SecondFactorRequired
 * </pre>
 */
public sealed interface SessionListOutcome {

    /**
     * One page of the other active sessions. Their identity carries no addresses (Kratos leaves
     * them out of this list).
     *
     * @param page the page
     */
    record Listed(Page<Session> page) implements SessionListOutcome {
        /** Requires the page. */
        public Listed {
            Objects.requireNonNull(page, "page == null");
        }

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.listed(this);
        }
    }

    /**
     * No valid session: the token is unknown, expired or revoked (HTTP 401).
     *
     * @param error the error Kratos sent
     */
    record NotSignedIn(KratosError error) implements SessionListOutcome {
        /** Requires the error. */
        public NotSignedIn {
            Objects.requireNonNull(error, "error == null");
        }

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.notSignedIn(this);
        }
    }

    /**
     * The session lacks the assurance level whoami requires, which this list requires too (HTTP 403
     * {@code session_aal2_required}).
     *
     * @param error             the error Kratos sent
     * @param redirectBrowserTo the browser URL Kratos suggests, when given
     */
    record SecondFactorRequired(KratosError error, Optional<String> redirectBrowserTo) implements SessionListOutcome {
        /** Requires both components. */
        public SecondFactorRequired {
            Objects.requireNonNull(error, "error == null");
            Objects.requireNonNull(redirectBrowserTo, "redirectBrowserTo == null");
        }

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.secondFactorRequired(this);
        }
    }

    /**
     * One method per variant, none with a default: a variant added in a later release is a compile
     * error in every handler, also on Java 17 (Java 21+ callers can {@code switch} instead).
     *
     * @param <R> the result type
     */
    interface Handler<R> {
        /**
         * Handles {@link Listed}.
         *
         * @param listed the outcome
         * @return the result
         */
        R listed(Listed listed);

        /**
         * Handles {@link NotSignedIn}.
         *
         * @param notSignedIn the outcome
         * @return the result
         */
        R notSignedIn(NotSignedIn notSignedIn);

        /**
         * Handles {@link SecondFactorRequired}.
         *
         * @param secondFactorRequired the outcome
         * @return the result
         */
        R secondFactorRequired(SecondFactorRequired secondFactorRequired);
    }

    /**
     * Calls the handler's method for this variant.
     *
     * @param handler the handler
     * @param <R>     the result type
     * @return what the handler returned
     */
    <R> R handle(Handler<R> handler);
}
