package io.kratosflows.internal;

import io.kratosflows.login.LoginFlow;
import io.kratosflows.login.LoginFlows;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOptions;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.settings.SettingsFlow;
import io.kratosflows.settings.SettingsFlows;
import io.kratosflows.settings.SettingsMethod;
import io.kratosflows.settings.SettingsOutcome;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A settings submission that re-authenticates natively when Kratos asks: on 403
 * {@code session_refresh_required} it runs {@code login/api?refresh=true} with the same token, on
 * {@code session_aal2_required} {@code login/api?aal=aal2}, then submits again. Built on the public
 * flow interfaces only, so that it runs (and is tested) without the HTTP stack.
 */
final class SettingsReauthentication {

    private SettingsReauthentication() {
    }

    static SettingsOutcome submit(SettingsFlows settings, LoginFlows login, SettingsFlow flow, SettingsMethod method,
                                  Function<LoginFlow, LoginMethod> credentials) {
        Objects.requireNonNull(credentials, "credentials == null");
        SettingsOutcome outcome = settings.submit(flow, method);
        if (outcome instanceof SettingsOutcome.RefreshRequired refresh) {
            LoginOutcome reauth = logIn(login, LoginOptions.refresh(flow.sessionToken()), credentials);
            if (!(reauth instanceof LoginOutcome.Completed || reauth instanceof LoginOutcome.SecondFactorRequired)) {
                return new SettingsOutcome.RefreshRequired(refresh.error(), refresh.browserUrl(), Optional.of(reauth));
            }
            outcome = settings.submit(flow, method);
        }
        if (outcome instanceof SettingsOutcome.SecondFactorRequired) {
            LoginOutcome stepUp = logIn(login, LoginOptions.secondFactor(flow.sessionToken()), credentials);
            if (stepUp instanceof LoginOutcome.Completed) {
                outcome = settings.submit(flow, method);
            }
        }
        return outcome;
    }

    private static LoginOutcome logIn(LoginFlows login, LoginOptions options, Function<LoginFlow, LoginMethod> credentials) {
        LoginFlow flow = login.start(options);
        return login.submit(flow, Objects.requireNonNull(credentials.apply(flow), "credentials returned null"));
    }
}
