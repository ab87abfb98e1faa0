package io.kratosflows.recovery;

import io.kratosflows.FlowId;
import io.kratosflows.SessionToken;
import io.kratosflows.error.KratosError;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What Kratos answered to a recovery submission ({@code POST /self-service/recovery?flow=}).
 * A wrong code is HTTP 200 too: only this outcome tells it from success.
 *
 * <pre>
 * 200 {flow, state: sent_email, message 1060003}                       → CodeSent
 * 200 {flow, message 4060006}                                          → InvalidCode
 * 200 {flow, continue_with: [set_ory_session_token, show_settings_ui]} → Recovered
 * 400 {flow, messages}                                                 → NeedsInput
 * 410 / 400 {error, details.continue_with: [show_recovery_ui]}         → FlowExpired
 * 422 {error: browser_location_change_required}                        → BrowserRequired
 * </pre>
 */
public sealed interface RecoveryOutcome {

    /**
     * A code was sent, if the address belongs to an account (Kratos does not say which).
     *
     * @param flow the flow, in state {@code sent_email}
     */
    record CodeSent(RecoveryFlow flow) implements RecoveryOutcome {
        /** Requires the flow. */
        public CodeSent {
            Objects.requireNonNull(flow, "flow == null");
        }
    }

    /**
     * The code is wrong or used (message 4060006), although Kratos answered HTTP 200. Ask again.
     *
     * @param flow the flow with the error message
     */
    record InvalidCode(RecoveryFlow flow) implements RecoveryOutcome {
        /** Requires the flow. */
        public InvalidCode {
            Objects.requireNonNull(flow, "flow == null");
        }
    }

    /**
     * Recovered: a new session exists. Use its token to set a new password in the settings flow.
     *
     * @param flow         the flow, in state {@code passed_challenge}
     * @param token        the new session's token ({@code set_ory_session_token})
     * @param settingsFlow the settings flow to continue in ({@code show_settings_ui})
     */
    record Recovered(RecoveryFlow flow, SessionToken token, FlowId settingsFlow) implements RecoveryOutcome {
        /** Requires every component. */
        public Recovered {
            Objects.requireNonNull(flow, "flow == null");
            Objects.requireNonNull(token, "token == null");
            Objects.requireNonNull(settingsFlow, "settingsFlow == null");
        }
    }

    /**
     * Invalid input, e.g. a malformed address. Show {@code flow.ui()}.
     *
     * @param flow the flow with messages
     */
    record NeedsInput(RecoveryFlow flow) implements RecoveryOutcome {
        /** Requires the flow. */
        public NeedsInput {
            Objects.requireNonNull(flow, "flow == null");
        }
    }

    /**
     * The flow cannot continue and Kratos created a new one: it expired (HTTP 410), or codes were
     * submitted too often (HTTP 400). Continue in {@code replacement} ({@link RecoveryFlows#restart}).
     *
     * @param error       the error Kratos sent
     * @param replacement the new flow ({@code show_recovery_ui} or {@code use_flow_id}), when given
     */
    record FlowExpired(KratosError error, Optional<FlowId> replacement) implements RecoveryOutcome {
        /** Requires both components. */
        public FlowExpired {
            Objects.requireNonNull(error, "error == null");
            Objects.requireNonNull(replacement, "replacement == null");
        }

        /** {@return whether Kratos replaced the flow because codes were submitted too often} */
        public boolean tooManyAttempts() {
            return error.status() == 400;
        }
    }

    /**
     * Kratos wants a browser. For a native recovery this means the server lacks
     * {@code feature_flags.use_continue_with_transitions: true}: without it Kratos cannot hand a
     * native client its session token. {@code hint()} says so.
     *
     * @param redirectBrowserTo the URL Kratos named
     * @param error             the error Kratos sent
     * @param hint              what to change, for logs and operators
     */
    record BrowserRequired(String redirectBrowserTo, KratosError error, String hint) implements RecoveryOutcome {
        /** Requires every component. */
        public BrowserRequired {
            Objects.requireNonNull(redirectBrowserTo, "redirectBrowserTo == null");
            Objects.requireNonNull(error, "error == null");
            Objects.requireNonNull(hint, "hint == null");
        }
    }

    /** Applies the function for this variant: an exhaustive match on Java 17. */
    default <R> R fold(Function<CodeSent, R> codeSent, Function<InvalidCode, R> invalidCode, Function<Recovered, R> recovered,
                       Function<NeedsInput, R> needsInput, Function<FlowExpired, R> expired, Function<BrowserRequired, R> browser) {
        if (this instanceof CodeSent s) {
            return codeSent.apply(s);
        } else if (this instanceof InvalidCode i) {
            return invalidCode.apply(i);
        } else if (this instanceof Recovered r) {
            return recovered.apply(r);
        } else if (this instanceof NeedsInput n) {
            return needsInput.apply(n);
        } else if (this instanceof FlowExpired e) {
            return expired.apply(e);
        }
        return browser.apply((BrowserRequired) this);
    }
}
