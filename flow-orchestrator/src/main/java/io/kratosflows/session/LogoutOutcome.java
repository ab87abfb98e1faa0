package io.kratosflows.session;

import io.kratosflows.error.KratosError;
import java.util.Objects;
import java.util.function.Function;

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
    }

    /** Applies the function for this variant: an exhaustive match on Java 17. */
    default <R> R fold(Function<LoggedOut, R> loggedOut, Function<SessionNotFound, R> notFound) {
        return this instanceof LoggedOut l ? loggedOut.apply(l) : notFound.apply((SessionNotFound) this);
    }
}
