package io.kratosflows.verification;

import io.kratosflows.FlowId;
import io.kratosflows.error.KratosError;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What Kratos answered to a verification submission ({@code POST /self-service/verification?flow=}).
 * Success and a wrong code are both HTTP 200: the flow state and message ids tell them apart.
 *
 * <pre>
 * 200 {flow, state: sent_email, message 1080003}       → CodeSent
 * 200 {flow, message 4070006}                          → InvalidCode
 * 200 {flow, state: passed_challenge, message 1080002} → Verified
 * 400 {flow, messages}                                 → NeedsInput
 * 410 {error: self_service_flow_expired} / 303 to a new flow → FlowExpired
 * 410 {error: self_service_flow_replaced, use_flow_id} → AlreadyUsed
 * </pre>
 */
public sealed interface VerificationOutcome {

    /**
     * A code was sent (if the address is known to Kratos).
     *
     * @param flow the flow, in state {@code sent_email}
     */
    record CodeSent(VerificationFlow flow) implements VerificationOutcome {
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
     * The code is wrong or used (message 4070006), although Kratos answered HTTP 200.
     *
     * @param flow the flow with the error message
     */
    record InvalidCode(VerificationFlow flow) implements VerificationOutcome {
        /** Requires the flow. */
        public InvalidCode {
            Objects.requireNonNull(flow, "flow == null");
        }

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.invalidCode(this);
        }
    }

    /**
     * The address is verified (state {@code passed_challenge}, message 1080002).
     *
     * @param flow the completed flow
     */
    record Verified(VerificationFlow flow) implements VerificationOutcome {
        /** Requires the flow. */
        public Verified {
            Objects.requireNonNull(flow, "flow == null");
        }

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.verified(this);
        }
    }

    /**
     * Invalid input, e.g. a malformed address. Show {@code flow.ui()}.
     *
     * @param flow the flow with messages
     */
    record NeedsInput(VerificationFlow flow) implements VerificationOutcome {
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
     * The flow expired. Kratos answers an expired native verification either with HTTP 410 or with
     * a 303 redirect to a new flow bound to a browser cookie, which a native client cannot use:
     * {@code replacement} is empty then and {@link VerificationFlows#restart} starts a new flow.
     *
     * @param error       the error, when Kratos sent one (a 303 carries none)
     * @param replacement the new flow, when named
     * @param expiredAt   when the flow (or its code) expired, when Kratos said ({@code expired_at})
     * @param since       how long ago it expired, when Kratos said ({@code since})
     */
    record FlowExpired(Optional<KratosError> error, Optional<FlowId> replacement, Optional<Instant> expiredAt,
                       Optional<Duration> since) implements VerificationOutcome {
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
        public FlowExpired(Optional<KratosError> error, Optional<FlowId> replacement) {
            this(error, replacement, Optional.empty(), Optional.empty());
        }

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.flowExpired(this);
        }
    }

    /**
     * The flow had already verified the address and takes no more codes (HTTP 410
     * {@code self_service_flow_replaced}; the new flow's message 4070002 says "already completed").
     * The address is verified: nothing is left to do.
     *
     * @param error       the error Kratos sent
     * @param replacement the flow Kratos suggests, when named
     */
    record AlreadyUsed(KratosError error, Optional<FlowId> replacement) implements VerificationOutcome {
        /** Requires both components. */
        public AlreadyUsed {
            Objects.requireNonNull(error, "error == null");
            Objects.requireNonNull(replacement, "replacement == null");
        }

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.alreadyUsed(this);
        }
    }

    /**
     * The server does not offer this method in the flow (e.g. it recovers or verifies by {@code link},
     * not by {@code code}): nothing was sent. Check {@code flow.methods()}.
     *
     * @param method the method that was to be submitted
     * @param error  the error Kratos sent, when it sent one
     */
    record MethodUnavailable(String method, Optional<KratosError> error) implements VerificationOutcome {
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
     * Codes were submitted too often: after five wrong codes Kratos replaced the flow (HTTP 410
     * {@code self_service_flow_replaced} with {@code use_flow_id}; the new flow's message 4000001 says
     * "The request was submitted too often"), and the address is not verified. Continue in
     * {@code replacement} ({@link VerificationFlows#restart(TooManyAttempts)}) and send a new code. The
     * same answer to a flow that had already verified the address is {@link AlreadyUsed}.
     *
     * @param error       the error Kratos sent
     * @param replacement the new flow, when named
     */
    record TooManyAttempts(KratosError error, Optional<FlowId> replacement) implements VerificationOutcome {
        /** Requires both components. */
        public TooManyAttempts {
            Objects.requireNonNull(error, "error == null");
            Objects.requireNonNull(replacement, "replacement == null");
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
         * Handles {@link CodeSent}.
         *
         * @param codeSent the outcome
         * @return the result
         */
        R codeSent(CodeSent codeSent);

        /**
         * Handles {@link InvalidCode}.
         *
         * @param invalidCode the outcome
         * @return the result
         */
        R invalidCode(InvalidCode invalidCode);

        /**
         * Handles {@link Verified}.
         *
         * @param verified the outcome
         * @return the result
         */
        R verified(Verified verified);

        /**
         * Handles {@link NeedsInput}.
         *
         * @param needsInput the outcome
         * @return the result
         */
        R needsInput(NeedsInput needsInput);

        /**
         * Handles {@link FlowExpired}.
         *
         * @param flowExpired the outcome
         * @return the result
         */
        R flowExpired(FlowExpired flowExpired);

        /**
         * Handles {@link AlreadyUsed}.
         *
         * @param alreadyUsed the outcome
         * @return the result
         */
        R alreadyUsed(AlreadyUsed alreadyUsed);

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
