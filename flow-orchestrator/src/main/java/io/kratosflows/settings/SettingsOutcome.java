package io.kratosflows.settings;

import io.kratosflows.FlowId;
import io.kratosflows.Secret;
import io.kratosflows.error.KratosError;
import io.kratosflows.login.LoginOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What Kratos answered to a settings submission ({@code POST /self-service/settings?flow=} with
 * {@code X-Session-Token}). Exhaustive: Java 21+ callers {@code switch}; Java 17 callers use {@link #handle}.
 *
 * <pre>
 * 200 {flow, state: success, message 1050001}           → Saved
 * 200 {flow, lookup_secret_codes} after reveal/regenerate → LookupSecretsShown
 * 200 {flow, continue_with: show_verification_ui}, not saved → VerificationRequired
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
     * Saved: {@code state: success} or message 1050001. The flow shows the new state and
     * {@code continueWith()} (e.g. a verification flow for a changed address).
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
     * @param expiredAt   when the flow (or its code) expired, when Kratos said ({@code expired_at})
     * @param since       how long ago it expired, when Kratos said ({@code since})
     */
    record FlowExpired(KratosError error, Optional<FlowId> replacement, Optional<Instant> expiredAt,
                       Optional<Duration> since) implements SettingsOutcome {
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
     * Backup codes were generated or revealed, not saved (HTTP 200, no message 1050001): Kratos shows
     * the codes in the flow. After {@code REGENERATE} nothing is stored until the user confirms:
     * {@link #confirmationRequired()} is then true and the app must show the codes, let the user
     * store them, and submit {@code SettingsMethod.LookupSecret.confirm()} — otherwise the user has
     * no backup codes. After {@code REVEAL} the codes are the stored ones.
     *
     * <pre>
     * POST /self-service/settings?flow=... {method: lookup_secret, lookup_secret_regenerate: true}
     * 200 {state: show_form, ui.nodes: [lookup_secret_codes (1050015), lookup_secret_confirm (1050011)]}
     * </pre>
     *
     * @param flow                 the flow showing the codes
     * @param codes                the codes still usable, as shown
     * @param confirmationRequired whether the codes are stored only after a confirmation
     */
    record LookupSecretsShown(SettingsFlow flow, List<Secret> codes, boolean confirmationRequired) implements SettingsOutcome {
        /** Requires every component; copies the list. */
        public LookupSecretsShown {
            Objects.requireNonNull(flow, "flow == null");
            codes = List.copyOf(codes);
        }

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.lookupSecretsShown(this);
        }
    }

    /**
     * The change is held back until a new address is verified ({@code verify_new_address} hook, Kratos's
     * development line after v26.2.0): HTTP 200 without message 1050001, the identity keeps its old
     * traits, and Kratos sent a code to the new address. Verify it in {@code verificationFlow}; the
     * change is applied then.
     *
     * <pre>
     * POST /self-service/settings?flow=... {method: profile, traits: {email: new@...}}
     * 200 {state: show_form, continue_with: [{action: show_verification_ui, flow: {id, verifiable_address}}]}
     * </pre>
     *
     * @param flow             the settings flow
     * @param verificationFlow the verification flow for the new address
     * @param address          the new address, when named
     */
    record VerificationRequired(SettingsFlow flow, FlowId verificationFlow, Optional<String> address) implements SettingsOutcome {
        /** Requires every component. */
        public VerificationRequired {
            Objects.requireNonNull(flow, "flow == null");
            Objects.requireNonNull(verificationFlow, "verificationFlow == null");
            Objects.requireNonNull(address, "address == null");
        }

        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.verificationRequired(this);
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

        /**
         * Handles {@link LookupSecretsShown}.
         *
         * @param lookupSecretsShown the outcome
         * @return the result
         */
        R lookupSecretsShown(LookupSecretsShown lookupSecretsShown);

        /**
         * Handles {@link VerificationRequired}.
         *
         * @param verificationRequired the outcome
         * @return the result
         */
        R verificationRequired(VerificationRequired verificationRequired);
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
