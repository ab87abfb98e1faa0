package io.kratosflows.session;

import io.kratosflows.error.KratosError;
import java.util.Objects;

/**
 * What Kratos answered to a native logout ({@code DELETE /self-service/logout/api} with
 * {@code {"session_token": ...}}).
 *
 * <pre>
 * 204                                  → LoggedOut
 * 403 {error: token could not be found} → SessionNotFound
 * </pre>
 */
public sealed interface LogoutOutcome {

    /** The session was revoked. */
    record LoggedOut() implements LogoutOutcome {
        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.loggedOut(this);
        }
    }

    /**
     * Kratos does not know the token (already revoked, expired or never issued).
     *
     * @param error the error Kratos sent
     */
    record SessionNotFound(KratosError error) implements LogoutOutcome {
        /** Requires the error. */
        public SessionNotFound {
            Objects.requireNonNull(error, "error == null");
        }

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.sessionNotFound(this);
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
         * Handles {@link LoggedOut}.
         *
         * @param loggedOut the outcome
         * @return the result
         */
        R loggedOut(LoggedOut loggedOut);

        /**
         * Handles {@link SessionNotFound}.
         *
         * @param sessionNotFound the outcome
         * @return the result
         */
        R sessionNotFound(SessionNotFound sessionNotFound);
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
