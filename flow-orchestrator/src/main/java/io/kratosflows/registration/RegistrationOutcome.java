package io.kratosflows.registration;

import io.kratosflows.ContinueWith;
import io.kratosflows.FlowId;
import io.kratosflows.Identity;
import io.kratosflows.SessionToken;
import io.kratosflows.error.KratosError;
import io.kratosflows.session.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What Kratos answered to a registration submission ({@code POST /self-service/registration?flow=}).
 * Exhaustive: Java 21+ callers {@code switch}; Java 17 callers use {@link #handle}.
 *
 * <pre>
 * 200 {identity, session?, session_token?, continue_with} → Completed
 * 400 {flow, state: sent_email}                          → CodeSent
 * 400 {flow, message 1040009 "choose a credential"}      → ChooseMethod (two-step registration)
 * 400 {flow, ui.messages / node messages}                → NeedsInput
 * 410 {error: self_service_flow_expired, use_flow_id}    → FlowExpired
 * 422 {error: browser_location_change_required}          → BrowserRequired
 * 404 {error: endpoint disabled} / 400 {flow, 4010003}   → MethodUnavailable
 * </pre>
 */
public sealed interface RegistrationOutcome {

    /**
     * Registered. {@code session} and {@code token} are present when the {@code session} hook ran
     * (otherwise log in separately).
     *
     * @param identity     the new identity
     * @param session      the session, when the session hook ran
     * @param token        the session token, when the session hook ran
     * @param continueWith further steps, e.g. a verification flow for the address
     */
    record Completed(Identity identity, Optional<Session> session, Optional<SessionToken> token,
                     List<ContinueWith> continueWith) implements RegistrationOutcome {
        /** Copies the list. */
        public Completed {
            Objects.requireNonNull(identity, "identity == null");
            Objects.requireNonNull(session, "session == null");
            Objects.requireNonNull(token, "token == null");
            continueWith = List.copyOf(continueWith);
        }

        /** {@return the verification flow Kratos started for the new address, when it did} */
        public Optional<FlowId> verificationFlow() {
            return continueWith.stream().filter(ContinueWith.ShowVerificationUi.class::isInstance)
                    .map(c -> ((ContinueWith.ShowVerificationUi) c).flow()).findFirst();
        }

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.completed(this);
        }
    }

    /**
     * The flow needs (more or corrected) input: a missing or invalid trait, a weak password, an
     * address already in use. Show {@code flow.ui()} and submit again.
     *
     * @param flow the flow as Kratos returned it
     */
    record NeedsInput(RegistrationFlow flow) implements RegistrationOutcome {
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
     * A code was sent to the address (message 1040005); submit it with {@link RegistrationMethod.Code#submit}.
     *
     * @param flow the flow, now in state {@code sent_email}
     */
    record CodeSent(RegistrationFlow flow) implements RegistrationOutcome {
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
     * Two-step registration accepted the profile (message 1040009); choose a credential
     * ({@code flow.methods()}) and submit it with the same traits, or go back.
     *
     * @param flow the flow offering credentials
     */
    record ChooseMethod(RegistrationFlow flow) implements RegistrationOutcome {
        /** Requires the flow. */
        public ChooseMethod {
            Objects.requireNonNull(flow, "flow == null");
        }

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.chooseMethod(this);
        }
    }

    /**
     * The flow expired or was replaced; {@link RegistrationFlows#restart} continues in one call.
     *
     * @param error       the error Kratos sent
     * @param replacement the new flow's id, when given
     * @param expiredAt   when the flow (or its code) expired, when Kratos said ({@code expired_at})
     * @param since       how long ago it expired, when Kratos said ({@code since})
     */
    record FlowExpired(KratosError error, Optional<FlowId> replacement, Optional<Instant> expiredAt,
                       Optional<Duration> since) implements RegistrationOutcome {
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
     * A browser must take over (social sign-up): open {@code redirectBrowserTo}.
     *
     * @param redirectBrowserTo the URL to open
     * @param error             the error Kratos sent
     */
    record BrowserRequired(String redirectBrowserTo, KratosError error) implements RegistrationOutcome {
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
     * The server does not offer this method: it is disabled there (HTTP 404 "This endpoint was
     * disabled") or unknown to that Kratos version (message 40100xx, e.g. passkey on an older
     * Kratos). Choose another of the flow's methods.
     *
     * @param method the method that was submitted, e.g. {@code passkey}
     * @param error  the error Kratos sent, when it sent one (a 40100xx message arrives in a flow instead)
     */
    record MethodUnavailable(String method, Optional<KratosError> error) implements RegistrationOutcome {
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
     * new flow ({@link RegistrationFlows#restart(TooManyAttempts)}) and ask for a new code.
     *
     * <pre>
     * POST /self-service/registration?flow=... {method: code, code: ...}   (sixth attempt)
     * 400 {id, state: sent_email, ui.messages: [{id: 4000001}]}
     * </pre>
     *
     * @param flow the flow that no longer takes codes
     */
    record TooManyAttempts(RegistrationFlow flow) implements RegistrationOutcome {
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
         * Handles {@link ChooseMethod}.
         *
         * @param chooseMethod the outcome
         * @return the result
         */
        R chooseMethod(ChooseMethod chooseMethod);

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
