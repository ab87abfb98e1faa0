package io.kratosflows.recovery;

import io.kratosflows.FlowId;
import io.kratosflows.SessionToken;
import io.kratosflows.error.KratosError;
import java.time.Duration;
import java.time.Instant;
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
     * Kratos names no settings flow when recovery was started to skip it ({@code skip_settings}, its
     * development line after v26.2.0).
     *
     * @param flow         the flow, in state {@code passed_challenge}
     * @param token        the new session's token ({@code set_ory_session_token})
     * @param settingsFlow the settings flow to continue in ({@code show_settings_ui}), when named
     */
    record Recovered(RecoveryFlow flow, SessionToken token, Optional<FlowId> settingsFlow) implements RecoveryOutcome {
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
     * The flow expired (HTTP 410) and Kratos created a new one: continue in {@code replacement}
     * ({@link RecoveryFlows#restart}).
     *
     * @param error       the error Kratos sent
     * @param replacement the new flow ({@code show_recovery_ui} or {@code use_flow_id}), when given
     * @param expiredAt   when the flow (or its code) expired, when Kratos said ({@code expired_at})
     * @param since       how long ago it expired, when Kratos said ({@code since})
     */
    record FlowExpired(KratosError error, Optional<FlowId> replacement, Optional<Instant> expiredAt,
                       Optional<Duration> since) implements RecoveryOutcome {
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
     * Codes were submitted too often: after five wrong codes Kratos replaced the flow (HTTP 400 with
     * {@code error.details.continue_with} naming a new recovery flow, whose message 4000001 says "The
     * request was submitted too often"). Continue in {@code replacement}
     * ({@link RecoveryFlows#restart(TooManyAttempts)}) and ask for a new code.
     *
     * @param error       the error Kratos sent
     * @param replacement the new flow ({@code show_recovery_ui}), when named
     */
    record TooManyAttempts(KratosError error, Optional<FlowId> replacement) implements RecoveryOutcome {
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
     * The identity is disabled: the right code was given but no session is issued. Tell the user to
     * contact support. Kratos's development line answers 400 {@code identity_disabled} (naming a new
     * recovery flow that shows message 4010011); v26.2.0 and older answer 401 {@code "identity is disabled"}.
     *
     * @param error       the error Kratos sent
     * @param replacement the recovery flow Kratos started instead, when named
     */
    record IdentityDisabled(KratosError error, Optional<FlowId> replacement) implements RecoveryOutcome {
        /** Requires both components. */
        public IdentityDisabled {
            Objects.requireNonNull(error, "error == null");
            Objects.requireNonNull(replacement, "replacement == null");
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
