package io.kratosflows.internal;

import io.kratosflows.FlowId;
import io.kratosflows.SessionToken;
import io.kratosflows.TransientPayload;
import io.kratosflows.generated.api.FrontendApi;
import io.kratosflows.login.LoginFlow;
import io.kratosflows.login.LoginFlows;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.settings.SettingsFlow;
import io.kratosflows.settings.SettingsFlows;
import io.kratosflows.settings.SettingsMethod;
import io.kratosflows.settings.SettingsOutcome;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** {@link SettingsFlows}: each method one step; re-authentication through {@link LoginFlows}. */
final class DefaultSettingsFlows implements SettingsFlows {

    private final Calls calls;
    private final LoginFlows login;

    DefaultSettingsFlows(Calls calls, LoginFlows login) {
        this.calls = calls;
        this.login = login;
    }

    @Override
    public SettingsFlow start(SessionToken token) {
        Objects.requireNonNull(token, "token == null");
        return FlowStarts.read(calls, "start settings flow", FrontendApi.createNativeSettingsFlow().xSessionToken(token.reveal()),
                f -> FlowReader.settings(f, token));
    }

    @Override
    public SettingsFlow fetch(FlowId id, SessionToken token) {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(token, "token == null");
        return FlowStarts.read(calls, "fetch settings flow " + id,
                FrontendApi.getSettingsFlow().id(id.value()).xSessionToken(token.reveal()), f -> FlowReader.settings(f, token));
    }

    @Override
    public SettingsOutcome submit(SettingsFlow flow, SettingsMethod method) {
        return UpdateSettingsFlowStep.run(calls, flow, method);
    }

    @Override
    public SettingsOutcome submit(SettingsFlow flow, SettingsMethod method, TransientPayload payload) {
        return UpdateSettingsFlowStep.run(calls, flow, method, Optional.of(Objects.requireNonNull(payload, "payload == null")));
    }

    @Override
    public SettingsOutcome submitReauthenticating(SettingsFlow flow, SettingsMethod method,
                                                  Function<LoginFlow, LoginMethod> credentials) {
        return SettingsReauthentication.submit(this, login, flow, method, credentials);
    }

    @Override
    public SettingsFlow restart(SettingsOutcome.FlowExpired expired, SessionToken token) {
        Objects.requireNonNull(expired, "expired == null");
        return expired.replacement().map(id -> fetch(id, token)).orElseGet(() -> start(token));
    }
}
