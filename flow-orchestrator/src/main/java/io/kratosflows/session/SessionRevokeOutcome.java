package io.kratosflows.session;

import io.kratosflows.error.KratosError;
import java.util.Objects;

/**
 * What Kratos answered to revoking one of the caller's other sessions ({@code DELETE /sessions/{id}}
 * with {@code X-Session-Token}, generated {@code disableMySession}).
 *
 * <pre>
 * 204                                        → Revoked (also for an id Kratos does not know)
 * 400 {error: cannot revoke current session} → CurrentSession (log out instead)
 * 401 {error: No valid session cookie found.} → NotSignedIn
 * </pre>
 */
public sealed interface SessionRevokeOutcome {

    /**
     * Kratos answered 204. It answers so for a session of the caller's identity and equally for an id
     * it does not know (or that belongs to another identity, which stays untouched): list the
     * sessions again to see the effect.
     */
    record Revoked() implements SessionRevokeOutcome {
        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.revoked(this);
        }
    }

    /**
     * The id is the session the token belongs to, which this call never revokes (HTTP 400): end it
     * with {@code sessions().logout(token)}.
     *
     * @param error the error Kratos sent
     */
    record CurrentSession(KratosError error) implements SessionRevokeOutcome {
        /** Requires the error. */
        public CurrentSession {
            Objects.requireNonNull(error, "error == null");
        }

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.currentSession(this);
        }
    }

    /**
     * No valid session: the token is unknown, expired or revoked (HTTP 401).
     *
     * @param error the error Kratos sent
     */
    record NotSignedIn(KratosError error) implements SessionRevokeOutcome {
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
     * One method per variant, none with a default: a variant added in a later release is a compile
     * error in every handler, also on Java 17 (Java 21+ callers can {@code switch} instead).
     *
     * @param <R> the result type
     */
    interface Handler<R> {
        /**
         * Handles {@link Revoked}.
         *
         * @param revoked the outcome
         * @return the result
         */
        R revoked(Revoked revoked);

        /**
         * Handles {@link CurrentSession}.
         *
         * @param currentSession the outcome
         * @return the result
         */
        R currentSession(CurrentSession currentSession);

        /**
         * Handles {@link NotSignedIn}.
         *
         * @param notSignedIn the outcome
         * @return the result
         */
        R notSignedIn(NotSignedIn notSignedIn);
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
