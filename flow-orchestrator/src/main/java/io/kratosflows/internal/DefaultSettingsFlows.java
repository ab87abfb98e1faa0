package io.kratosflows.internal;

import io.kratosflows.FlowId;
import io.kratosflows.SessionToken;
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

/** {@link SettingsFlows} over the generated {@code FrontendApi}, with native re-authentication via {@link LoginFlows}. */
final class DefaultSettingsFlows implements SettingsFlows {

    private final KratosHttp http;
    private final LoginFlows login;

    DefaultSettingsFlows(KratosHttp http, LoginFlows login) {
        this.http = http;
        this.login = login;
    }

    @Override
    public SettingsFlow start(SessionToken token) {
        Objects.requireNonNull(token, "token == null");
        WireResponse response = http.call("start settings flow", api -> api.createNativeSettingsFlow(token.reveal()));
        return SettingsResponses.flow("start settings flow", response, token);
    }

    @Override
    public SettingsFlow fetch(FlowId id, SessionToken token) {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(token, "token == null");
        WireResponse response = http.call("fetch settings flow", api -> api.getSettingsFlow(id.value(), token.reveal(), null));
        return SettingsResponses.flow("fetch settings flow " + id, response, token);
    }

    @Override
    public SettingsOutcome submit(SettingsFlow flow, SettingsMethod method) {
        Objects.requireNonNull(flow, "flow == null");
        Validation.check(method);
        WireResponse response = http.call("submit settings flow", api -> api.updateSettingsFlow(flow.id().value(),
                SettingsWire.body(method, flow.csrfToken().orElse(null)), flow.sessionToken().reveal(), null));
        return SettingsResponses.submitted(response, flow, method.method());
    }

    @Override
    public SettingsOutcome submitReauthenticating(SettingsFlow flow, SettingsMethod method,
                                                  Function<LoginFlow, LoginMethod> credentials) {
        Objects.requireNonNull(credentials, "credentials == null");
        SettingsOutcome outcome = submit(flow, method);
        if (outcome instanceof SettingsOutcome.RefreshRequired refresh) {
            LoginOutcome reauth = logIn(LoginOptions.refresh(flow.sessionToken()), credentials);
            if (!(reauth instanceof LoginOutcome.Completed || reauth instanceof LoginOutcome.SecondFactorRequired)) {
                return new SettingsOutcome.RefreshRequired(refresh.error(), refresh.browserUrl(), Optional.of(reauth));
            }
            outcome = submit(flow, method);
        }
        if (outcome instanceof SettingsOutcome.SecondFactorRequired) {
            LoginOutcome stepUp = logIn(LoginOptions.secondFactor(flow.sessionToken()), credentials);
            if (stepUp instanceof LoginOutcome.Completed) {
                outcome = submit(flow, method);
            }
        }
        return outcome;
    }

    private LoginOutcome logIn(LoginOptions options, Function<LoginFlow, LoginMethod> credentials) {
        LoginFlow flow = login.start(options);
        return login.submit(flow, Objects.requireNonNull(credentials.apply(flow), "credentials returned null"));
    }

    @Override
    public SettingsFlow restart(SettingsOutcome.FlowExpired expired, SessionToken token) {
        Objects.requireNonNull(expired, "expired == null");
        return expired.replacement().map(id -> fetch(id, token)).orElseGet(() -> start(token));
    }
}
