package io.kratosflows.admin;

import io.kratosflows.error.KratosError;
import java.util.Objects;

/**
 * What Kratos answered to creating or replacing an identity ({@code POST /admin/identities},
 * {@code PUT /admin/identities/{id}}).
 *
 * <pre>
 * 201 / 200 {identity}                                 → Saved
 * 409 {error: "This identity conflicts with another"}  → Conflict (an identifier is taken)
 * 400 {error: traits do not match the schema, ...}     → Invalid
 * 404 {error} (replace only)                           → NotFound
 * </pre>
 */
public sealed interface IdentityWriteOutcome {

    /**
     * Kratos stored the identity.
     *
     * @param identity the identity as stored
     */
    record Saved(AdminIdentity identity) implements IdentityWriteOutcome {
        /** Requires the identity. */
        public Saved {
            Objects.requireNonNull(identity, "identity == null");
        }

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.saved(this);
        }
    }

    /**
     * Another identity has one of the identifiers (HTTP 409), e.g. the same email.
     *
     * @param error the error Kratos sent
     */
    record Conflict(KratosError error) implements IdentityWriteOutcome {
        /** Requires the error. */
        public Conflict {
            Objects.requireNonNull(error, "error == null");
        }

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.conflict(this);
        }
    }

    /**
     * Kratos refused the identity (HTTP 400): traits that do not match the schema, an unknown
     * schema, a state that is not {@code active} or {@code inactive}, a password the policy refuses.
     * {@code error.reason()} says which.
     *
     * @param error the error Kratos sent
     */
    record Invalid(KratosError error) implements IdentityWriteOutcome {
        /** Requires the error. */
        public Invalid {
            Objects.requireNonNull(error, "error == null");
        }

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.invalid(this);
        }
    }

    /**
     * No identity has that id (HTTP 404; only a replace can answer so).
     *
     * @param error the error Kratos sent
     */
    record NotFound(KratosError error) implements IdentityWriteOutcome {
        /** Requires the error. */
        public NotFound {
            Objects.requireNonNull(error, "error == null");
        }

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.notFound(this);
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
         * Handles {@link Saved}.
         *
         * @param saved the outcome
         * @return the result
         */
        R saved(Saved saved);

        /**
         * Handles {@link Conflict}.
         *
         * @param conflict the outcome
         * @return the result
         */
        R conflict(Conflict conflict);

        /**
         * Handles {@link Invalid}.
         *
         * @param invalid the outcome
         * @return the result
         */
        R invalid(Invalid invalid);

        /**
         * Handles {@link NotFound}.
         *
         * @param notFound the outcome
         * @return the result
         */
        R notFound(NotFound notFound);
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
