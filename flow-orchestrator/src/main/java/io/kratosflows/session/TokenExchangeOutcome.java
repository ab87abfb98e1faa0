package io.kratosflows.session;

import io.kratosflows.SessionToken;
import io.kratosflows.error.KratosError;
import io.kratosflows.login.LoginFlow;
import io.kratosflows.registration.RegistrationFlow;
import java.util.Objects;

/**
 * What Kratos answered to a session token exchange ({@code GET /sessions/token-exchange?init_code=&return_to_code=}),
 * the last step of a native flow that went through a browser (e.g. social sign-in).
 *
 * <pre>
 * 200 {session, session_token} → Exchanged
 * 403/404/410 {error}          → Rejected (unknown, used or expired codes)
 * 422 {login or registration flow} → LoginFailed / RegistrationFailed (the browser step failed)
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

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.exchanged(this);
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

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.rejected(this);
        }
    }

    /**
     * The sign-in through the browser failed (for example the provider refused), and Kratos answers
     * the exchange with the login flow that carries the reason (HTTP 422, Kratos's development line
     * after v26.2.0; older versions leave no code to exchange). Show its messages; the user can retry.
     *
     * @param flow the login flow, with messages
     */
    record LoginFailed(LoginFlow flow) implements TokenExchangeOutcome {
        /** Requires the flow. */
        public LoginFailed {
            Objects.requireNonNull(flow, "flow == null");
        }

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.loginFailed(this);
        }
    }

    /**
     * The sign-in through the browser failed (for example the provider refused), and Kratos answers
     * the exchange with the registration flow that carries the reason (HTTP 422, Kratos's development line
     * after v26.2.0; older versions leave no code to exchange). Show its messages; the user can retry.
     *
     * @param flow the registration flow, with messages
     */
    record RegistrationFailed(RegistrationFlow flow) implements TokenExchangeOutcome {
        /** Requires the flow. */
        public RegistrationFailed {
            Objects.requireNonNull(flow, "flow == null");
        }

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.registrationFailed(this);
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
         * Handles {@link Exchanged}.
         *
         * @param exchanged the outcome
         * @return the result
         */
        R exchanged(Exchanged exchanged);

        /**
         * Handles {@link Rejected}.
         *
         * @param rejected the outcome
         * @return the result
         */
        R rejected(Rejected rejected);

        /**
         * Handles {@link LoginFailed}.
         *
         * @param loginFailed the outcome
         * @return the result
         */
        R loginFailed(LoginFailed loginFailed);

        /**
         * Handles {@link RegistrationFailed}.
         *
         * @param registrationFailed the outcome
         * @return the result
         */
        R registrationFailed(RegistrationFailed registrationFailed);
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
