package io.kratosflows.settings;

import io.kratosflows.FlowId;
import io.kratosflows.SessionToken;
import io.kratosflows.login.LoginFlow;
import io.kratosflows.login.LoginMethod;
import java.util.function.Function;

/**
 * Native settings flows: change profile, password, second factors, passkeys and linked providers of
 * the identity behind a session token. Thread-safe. Obtain from {@code Kratos.settings()}.
 */
public interface SettingsFlows {

    /**
     * Starts a settings flow ({@code GET /self-service/settings/api}, generated {@code createNativeSettingsFlow}).
     *
     * @throws io.kratosflows.error.KratosErrorException 401 without a valid session, 403
     *         {@code session_aal2_required} when settings need a second factor first
     */
    SettingsFlow start(SessionToken token);

    /** Fetches a flow ({@code GET /self-service/settings/flows?id=}, generated {@code getSettingsFlow}). */
    SettingsFlow fetch(FlowId id, SessionToken token);

    /**
     * Submits one method ({@code POST /self-service/settings?flow=}, generated {@code updateSettingsFlow})
     * with the flow's session token.
     *
     * @throws io.kratosflows.error.InvalidInputException when the method is invalid; nothing is sent
     */
    SettingsOutcome submit(SettingsFlow flow, SettingsMethod method);

    /**
     * Submits, and when Kratos asks for a fresh login re-authenticates natively and submits again:
     * runs {@code login/api?refresh=true} with the same token and the method {@code credentials}
     * returns for that login flow; when the retry then needs a second factor, runs
     * {@code login/api?aal=aal2} the same way (check {@link LoginFlow#requestedAal()} to pick
     * TOTP or a lookup code). When a login does not complete, returns {@link SettingsOutcome.RefreshRequired}
     * carrying that login outcome.
     */
    SettingsOutcome submitReauthenticating(SettingsFlow flow, SettingsMethod method,
                                           Function<LoginFlow, LoginMethod> credentials);

    /**
     * Continues after a recovery: fetches the settings flow Kratos named ({@code show_settings_ui}) under
     * the recovered session's token, or starts one when it named none.
     */
    default SettingsFlow afterRecovery(io.kratosflows.recovery.RecoveryOutcome.Recovered recovered) {
        java.util.Objects.requireNonNull(recovered, "recovered == null");
        return recovered.settingsFlow().map(id -> fetch(id, recovered.token())).orElseGet(() -> start(recovered.token()));
    }

    /** Continues after an expiry: fetches the replacement flow when named, otherwise starts a new one. */
    SettingsFlow restart(SettingsOutcome.FlowExpired expired, SessionToken token);
}
