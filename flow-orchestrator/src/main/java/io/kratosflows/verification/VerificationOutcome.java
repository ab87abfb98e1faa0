package io.kratosflows.verification;

import io.kratosflows.FlowId;
import io.kratosflows.error.KratosError;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

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
    }

    /**
     * The flow expired. Kratos answers an expired native verification either with HTTP 410 or with
     * a 303 redirect to a new flow bound to a browser cookie, which a native client cannot use:
     * {@code replacement} is empty then and {@link VerificationFlows#restart} starts a new flow.
     *
     * @param error       the error, when Kratos sent one (a 303 carries none)
     * @param replacement the new flow, when named
     */
    record FlowExpired(Optional<KratosError> error, Optional<FlowId> replacement) implements VerificationOutcome {
        /** Requires both components. */
        public FlowExpired {
            Objects.requireNonNull(error, "error == null");
            Objects.requireNonNull(replacement, "replacement == null");
        }
    }

    /**
     * The flow was already completed and cannot take another code ({@code self_service_flow_replaced}).
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
    }

    /** Applies the function for this variant: an exhaustive match on Java 17. */
    default <R> R fold(Function<CodeSent, R> codeSent, Function<InvalidCode, R> invalidCode, Function<Verified, R> verified,
                       Function<NeedsInput, R> needsInput, Function<FlowExpired, R> expired, Function<AlreadyUsed, R> alreadyUsed) {
        if (this instanceof CodeSent s) {
            return codeSent.apply(s);
        } else if (this instanceof InvalidCode i) {
            return invalidCode.apply(i);
        } else if (this instanceof Verified v) {
            return verified.apply(v);
        } else if (this instanceof NeedsInput n) {
            return needsInput.apply(n);
        } else if (this instanceof FlowExpired e) {
            return expired.apply(e);
        }
        return alreadyUsed.apply((AlreadyUsed) this);
    }
}
