package io.kratosflows.recovery;

import io.kratosflows.FlowId;
import io.kratosflows.SessionToken;
import io.kratosflows.error.KratosError;
import java.util.Objects;
import java.util.Optional;

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

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.codeSent(this);
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

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.invalidCode(this);
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

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.recovered(this);
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

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.needsInput(this);
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

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.flowExpired(this);
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

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.browserRequired(this);
        }
    }

    /**
     * The server does not offer this method in the flow (e.g. it recovers or verifies by {@code link},
     * not by {@code code}): nothing was sent. Check {@code flow.methods()}.
     *
     * @param method the method that was to be submitted
     * @param error  the error Kratos sent, when it sent one
     */
    record MethodUnavailable(String method, Optional<KratosError> error) implements RecoveryOutcome {
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
         * Handles {@link Recovered}.
         *
         * @param recovered the outcome
         * @return the result
         */
        R recovered(Recovered recovered);

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
