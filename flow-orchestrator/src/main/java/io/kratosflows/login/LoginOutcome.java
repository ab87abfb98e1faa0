package io.kratosflows.login;

import io.kratosflows.ContinueWith;
import io.kratosflows.FlowId;
import io.kratosflows.SessionToken;
import io.kratosflows.error.KratosError;
import io.kratosflows.session.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What Kratos answered to a login submission ({@code POST /self-service/login?flow=}). Exhaustive:
 * Java 21+ callers {@code switch} over it; Java 17 callers use {@link #handle}.
 *
 * <pre>
 * 200 {session, session_token}            → Completed (or SecondFactorRequired when the identity is withheld)
 * 400 {flow, state: sent_email}            → CodeSent
 * 400 {flow, ui.messages: [4000006 ...]}   → NeedsInput
 * 410 {error: self_service_flow_expired, use_flow_id} → FlowExpired
 * 422 {error: browser_location_change_required, redirect_browser_to} → BrowserRequired
 * 404 {error: endpoint disabled} / 400 {flow, message 4010002}       → MethodUnavailable
 * 403 {error: session_verified_address_required, details.continue_with} → VerificationRequired
 * </pre>
 */
public sealed interface LoginOutcome {

    /**
     * Signed in. Store the token; {@code continue_with} may carry further steps.
     *
     * @param session      the session, with its identity
     * @param token        the session token
     * @param continueWith further steps Kratos suggests
     */
    record Completed(Session session, SessionToken token, List<ContinueWith> continueWith) implements LoginOutcome {
        /** Copies the list. */
        public Completed {
            Objects.requireNonNull(session, "session == null");
            Objects.requireNonNull(token, "token == null");
            continueWith = List.copyOf(continueWith);
        }

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.completed(this);
        }
    }

    /**
     * The flow needs (more or corrected) input: invalid credentials, a missing field, or the next
     * step of identifier-first login. Show {@code flow.ui()} messages and fields, then submit again.
     *
     * @param flow the flow as Kratos returned it
     */
    record NeedsInput(LoginFlow flow) implements LoginOutcome {
        /** Requires the flow. */
        public NeedsInput {
            Objects.requireNonNull(flow, "flow == null");
        }

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.needsInput(this);
        }
    }

    /**
     * A one-time code was sent (message 1010014); submit it with {@link LoginMethod.Code#submit}.
     *
     * @param flow the flow, now in state {@code sent_email}
     */
    record CodeSent(LoginFlow flow) implements LoginOutcome {
        /** Requires the flow. */
        public CodeSent {
            Objects.requireNonNull(flow, "flow == null");
        }

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.codeSent(this);
        }
    }

    /**
     * The first factor succeeded but the server requires a second one before it reveals the
     * identity (Kratos withholds {@code session.identity}). Start
     * {@code login().start(LoginOptions.secondFactor(token()))} and submit a TOTP, lookup or code.
     *
     * @param session the aal1 session, without identity
     * @param token   its session token
     */
    record SecondFactorRequired(Session session, SessionToken token) implements LoginOutcome {
        /** Requires both components. */
        public SecondFactorRequired {
            Objects.requireNonNull(session, "session == null");
            Objects.requireNonNull(token, "token == null");
        }

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.secondFactorRequired(this);
        }
    }

    /**
     * The flow expired or was replaced; {@code replacement} is the flow to continue with when Kratos
     * named one ({@code use_flow_id}). {@link LoginFlows#restart} continues in one call.
     *
     * @param error       the error Kratos sent
     * @param replacement the new flow's id, when given
     * @param expiredAt   when the flow (or its code) expired, when Kratos said ({@code expired_at})
     * @param since       how long ago it expired, when Kratos said ({@code since})
     */
    record FlowExpired(KratosError error, Optional<FlowId> replacement, Optional<Instant> expiredAt,
                       Optional<Duration> since) implements LoginOutcome {
        /** Requires every component. */
        public FlowExpired {
            Objects.requireNonNull(error, "error == null");
            Objects.requireNonNull(replacement, "replacement == null");
            Objects.requireNonNull(expiredAt, "expiredAt == null");
            Objects.requireNonNull(since, "since == null");
        }

        /**
         * An expiry without timing details.
         *
         * @param error       the error
         * @param replacement the new flow's id, when given
         */
        public FlowExpired(KratosError error, Optional<FlowId> replacement) {
            this(error, replacement, Optional.empty(), Optional.empty());
        }

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.flowExpired(this);
        }
    }

    /**
     * A browser must take over, e.g. a social sign-in: open {@code redirectBrowserTo} in a browser.
     *
     * @param redirectBrowserTo the URL to open
     * @param error             the error Kratos sent
     */
    record BrowserRequired(String redirectBrowserTo, KratosError error) implements LoginOutcome {
        /** Requires both components. */
        public BrowserRequired {
            Objects.requireNonNull(redirectBrowserTo, "redirectBrowserTo == null");
            Objects.requireNonNull(error, "error == null");
        }

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.browserRequired(this);
        }
    }

    /**
     * The credentials were right but the identity's address is not verified and the server requires
     * it ({@code require_verified_address} hook: 403 {@code session_verified_address_required}).
     * Verify the address in {@code verificationFlow} (Kratos has sent a code), then log in again.
     *
     * @param error            the error Kratos sent
     * @param verificationFlow the verification flow Kratos started ({@code show_verification_ui}), when named
     * @param address          the address to verify, when named
     */
    record VerificationRequired(KratosError error, Optional<FlowId> verificationFlow, Optional<String> address)
            implements LoginOutcome {
        /** Requires every component. */
        public VerificationRequired {
            Objects.requireNonNull(error, "error == null");
            Objects.requireNonNull(verificationFlow, "verificationFlow == null");
            Objects.requireNonNull(address, "address == null");
        }

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.verificationRequired(this);
        }
    }

    /**
     * The server does not offer this method: it is disabled there (HTTP 404 "This endpoint was
     * disabled") or unknown to that Kratos version (message 40100xx, e.g. passkey on an older
     * Kratos). Choose another of the flow's methods.
     *
     * @param method the method that was submitted, e.g. {@code passkey}
     * @param error  the error Kratos sent, when it sent one (a 40100xx message arrives in a flow instead)
     */
    record MethodUnavailable(String method, Optional<KratosError> error) implements LoginOutcome {
        /** Requires both components. */
        public MethodUnavailable {
            Objects.requireNonNull(method, "method == null");
            Objects.requireNonNull(error, "error == null");
        }

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.methodUnavailable(this);
        }
    }

    /**
     * Codes were submitted too often: after five wrong codes Kratos takes no code on this flow, not
     * even the right one (HTTP 400, message 4000001 "The request was submitted too often"). Start a
     * new flow ({@link LoginFlows#restart(TooManyAttempts)}) and ask for a new code.
     *
     * <pre>
     * POST /self-service/login?flow=... {method: code, code: ...}   (sixth attempt)
     * 400 {id, state: sent_email, ui.messages: [{id: 4000001}]}
     * </pre>
     *
     * @param flow the flow that no longer takes codes
     */
    record TooManyAttempts(LoginFlow flow) implements LoginOutcome {
        /** Requires the flow. */
        public TooManyAttempts {
            Objects.requireNonNull(flow, "flow == null");
        }

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.tooManyAttempts(this);
        }
    }

    /**
     * The identity is disabled ({@code state: inactive}): the credentials may be right, but no session
     * is issued. Tell the user to contact support. Kratos's development line answers with the flow and
     * message 4010011 (HTTP 400, for a code login even in state {@code passed_challenge}); v26.2.0 and
     * older answer 401 {@code "identity is disabled"}.
     *
     * @param flow  the flow with message 4010011, when Kratos answered with one
     * @param error the error, when Kratos answered with one
     */
    record IdentityDisabled(Optional<LoginFlow> flow, Optional<KratosError> error) implements LoginOutcome {
        /** Requires both components. */
        public IdentityDisabled {
            Objects.requireNonNull(flow, "flow == null");
            Objects.requireNonNull(error, "error == null");
        }

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.identityDisabled(this);
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
         * Handles {@link Completed}.
         *
         * @param completed the outcome
         * @return the result
         */
        R completed(Completed completed);

        /**
         * Handles {@link NeedsInput}.
         *
         * @param needsInput the outcome
         * @return the result
         */
        R needsInput(NeedsInput needsInput);

        /**
         * Handles {@link CodeSent}.
         *
         * @param codeSent the outcome
         * @return the result
         */
        R codeSent(CodeSent codeSent);

        /**
         * Handles {@link SecondFactorRequired}.
         *
         * @param secondFactorRequired the outcome
         * @return the result
         */
        R secondFactorRequired(SecondFactorRequired secondFactorRequired);

        /**
         * Handles {@link FlowExpired}.
         *
         * @param flowExpired the outcome
         * @return the result
         */
        R flowExpired(FlowExpired flowExpired);

        /**
         * Handles {@link BrowserRequired}.
         *
         * @param browserRequired the outcome
         * @return the result
         */
        R browserRequired(BrowserRequired browserRequired);

        /**
         * Handles {@link VerificationRequired}.
         *
         * @param verificationRequired the outcome
         * @return the result
         */
        R verificationRequired(VerificationRequired verificationRequired);

        /**
         * Handles {@link MethodUnavailable}.
         *
         * @param methodUnavailable the outcome
         * @return the result
         */
        R methodUnavailable(MethodUnavailable methodUnavailable);

        /**
         * Handles {@link TooManyAttempts}.
         *
         * @param tooManyAttempts the outcome
         * @return the result
         */
        R tooManyAttempts(TooManyAttempts tooManyAttempts);

        /**
         * Handles {@link IdentityDisabled}.
         *
         * @param identityDisabled the outcome
         * @return the result
         */
        R identityDisabled(IdentityDisabled identityDisabled);
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
