package io.kratosflows.session;

import io.kratosflows.error.KratosError;
import java.util.Objects;

/**
 * What Kratos answered to revoking every session of the caller's identity but the current one
 * ({@code DELETE /sessions} with {@code X-Session-Token}, generated {@code disableMyOtherSessions}).
 *
 * <pre>
 * 200 {"count": 3}                            → Revoked(3)
 * 401 {error: No valid session cookie found.} → NotSignedIn
 * </pre>
 */
public sealed interface OtherSessionsRevokeOutcome {

    /**
     * The other sessions are revoked; the token's own session stays active.
     *
     * @param count how many sessions Kratos revoked (0 when there were none)
     */
    record Revoked(long count) implements OtherSessionsRevokeOutcome {
        /** Rejects a negative count. */
        public Revoked {
            if (count < 0) {
                throw new IllegalArgumentException("count must not be negative, got " + count);
            }
        }

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.revoked(this);
        }
    }

    /**
     * No valid session: the token is unknown, expired or revoked (HTTP 401).
     *
     * @param error the error Kratos sent
     */
    record NotSignedIn(KratosError error) implements OtherSessionsRevokeOutcome {
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
