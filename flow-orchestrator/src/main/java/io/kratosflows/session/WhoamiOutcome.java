package io.kratosflows.session;

import io.kratosflows.IdentityId;
import io.kratosflows.error.KratosError;
import java.util.Objects;
import java.util.Optional;

/**
 * What Kratos answered to whoami ({@code GET /sessions/whoami} with {@code X-Session-Token}).
 *
 * <pre>
 * 200 {session}                                   → Active
 *     X-Kratos-Authenticated-Identity-Id: 1d0...    → Active.authenticatedIdentityId
 * 200 {session, tokenized: "eyJ..."} (?tokenize_as=) → Active.tokenized
 * 401 {error: no valid session}                   → NotSignedIn
 * 403 {error: session_aal2_required, redirect_browser_to} → SecondFactorRequired
 * </pre>
 */
public sealed interface WhoamiOutcome {

    /**
     * The token belongs to an active session.
     *
     * @param session                 the session, with identity
     * @param authenticatedIdentityId the identity Kratos names in the {@code X-Kratos-Authenticated-Identity-Id}
     *                                response header (for proxies and logs; the same as the session's identity)
     * @param tokenized               the session as a signed JWT, when asked for with {@link TokenizeAs}
     */
    record Active(Session session, Optional<IdentityId> authenticatedIdentityId, Optional<SessionJwt> tokenized)
            implements WhoamiOutcome {
        /** Requires every component. */
        public Active {
            Objects.requireNonNull(session, "session == null");
            Objects.requireNonNull(authenticatedIdentityId, "authenticatedIdentityId == null");
            Objects.requireNonNull(tokenized, "tokenized == null");
        }

        /** An active session without the header and without a JWT. */
        public Active(Session session) {
            this(session, Optional.empty(), Optional.empty());
        }

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.active(this);
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

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.notSignedIn(this);
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
         * Handles {@link Active}.
         *
         * @param active the outcome
         * @return the result
         */
        R active(Active active);

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
