package io.kratosflows.settings;

import io.kratosflows.FlowId;
import io.kratosflows.error.KratosError;
import io.kratosflows.login.LoginOutcome;
import java.util.Objects;
import java.util.Optional;

/**
 * What Kratos answered to a settings submission ({@code POST /self-service/settings?flow=} with
 * {@code X-Session-Token}). Exhaustive: Java 21+ callers {@code switch}; Java 17 callers use {@link #handle}.
 *
 * <pre>
 * 200 {flow, state: success, message 1050001}           → Saved
 * 400 {flow, messages}                                  → NeedsInput
 * 403 {error: session_refresh_required}                 → RefreshRequired
 * 403 {error: session_aal2_required}                    → SecondFactorRequired
 * 410 {error: self_service_flow_expired, use_flow_id}   → FlowExpired
 * 422 {error: browser_location_change_required}         → BrowserRequired (e.g. linking a social provider)
 * 404 {error: endpoint disabled} / 400 {flow, 4010004}  → MethodUnavailable
 * </pre>
 */
public sealed interface SettingsOutcome {

    /**
     * Saved (message 1050001). The flow shows the new state: TOTP QR code, lookup codes after
     * reveal/regenerate, and {@code continueWith()} (e.g. a verification flow for a changed address).
     *
     * @param flow the updated flow
     */
    record Saved(SettingsFlow flow) implements SettingsOutcome {
        /** Requires the flow. */
        public Saved {
            Objects.requireNonNull(flow, "flow == null");
        }

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.saved(this);
        }
    }

    /**
     * Invalid input: a weak password, a wrong TOTP code, a missing trait. Show {@code flow.ui()}.
     *
     * @param flow the flow with messages
     */
    record NeedsInput(SettingsFlow flow) implements SettingsOutcome {
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
     * The session is too old for this change ({@code privileged_session_max_age}): re-authenticate
     * natively ({@link SettingsFlows#submitReauthenticating}) and submit again. The browser URL
     * Kratos suggests is useless to a native client and kept only for reference.
     *
     * @param error                   the error Kratos sent
     * @param browserUrl              the browser login URL Kratos suggested
     * @param failedReauthentication  the login outcome when a re-authentication was tried and did not complete
     */
    record RefreshRequired(KratosError error, Optional<String> browserUrl,
                           Optional<LoginOutcome> failedReauthentication) implements SettingsOutcome {
        /** Requires every component. */
        public RefreshRequired {
            Objects.requireNonNull(error, "error == null");
            Objects.requireNonNull(browserUrl, "browserUrl == null");
            Objects.requireNonNull(failedReauthentication, "failedReauthentication == null");
        }

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.refreshRequired(this);
        }
    }

    /**
     * The session lacks the second factor settings require ({@code session_aal2_required}):
     * log in with {@code aal=aal2} using the same token, then submit again.
     *
     * @param error      the error Kratos sent
     * @param browserUrl the browser login URL Kratos suggested
     */
    record SecondFactorRequired(KratosError error, Optional<String> browserUrl) implements SettingsOutcome {
        /** Requires every component. */
        public SecondFactorRequired {
            Objects.requireNonNull(error, "error == null");
            Objects.requireNonNull(browserUrl, "browserUrl == null");
        }

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.secondFactorRequired(this);
        }
    }

    /**
     * The flow expired; {@link SettingsFlows#restart} continues in one call.
     *
     * @param error       the error Kratos sent
     * @param replacement the new flow's id, when given
     */
    record FlowExpired(KratosError error, Optional<FlowId> replacement) implements SettingsOutcome {
        /** Requires both components. */
        public FlowExpired {
            Objects.requireNonNull(error, "error == null");
            Objects.requireNonNull(replacement, "replacement == null");
        }

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.flowExpired(this);
        }
    }

    /**
     * A browser must take over, e.g. to link a social provider: open {@code redirectBrowserTo}.
     *
     * @param redirectBrowserTo the URL to open
     * @param error             the error Kratos sent
     */
    record BrowserRequired(String redirectBrowserTo, KratosError error) implements SettingsOutcome {
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
    record MethodUnavailable(String method, Optional<KratosError> error) implements SettingsOutcome {
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
         * Handles {@link Saved}.
         *
         * @param saved the outcome
         * @return the result
         */
        R saved(Saved saved);

        /**
         * Handles {@link NeedsInput}.
         *
         * @param needsInput the outcome
         * @return the result
         */
        R needsInput(NeedsInput needsInput);

        /**
         * Handles {@link RefreshRequired}.
         *
         * @param refreshRequired the outcome
         * @return the result
         */
        R refreshRequired(RefreshRequired refreshRequired);

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
