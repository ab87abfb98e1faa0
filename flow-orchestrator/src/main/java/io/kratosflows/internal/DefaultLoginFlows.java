package io.kratosflows.internal;

import io.kratosflows.FlowId;
import io.kratosflows.SessionToken;
import io.kratosflows.login.LoginFlow;
import io.kratosflows.login.LoginFlows;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOptions;
import io.kratosflows.login.LoginOutcome;
import java.util.Objects;
import java.util.Optional;

/** {@link LoginFlows} over the generated {@code FrontendApi}. */
final class DefaultLoginFlows implements LoginFlows {

    private final KratosHttp http;

    DefaultLoginFlows(KratosHttp http) {
        this.http = http;
    }

    @Override
    public LoginFlow start(LoginOptions o) {
        Objects.requireNonNull(o, "options == null");
        WireResponse response = http.call("start login flow", api -> api.createNativeLoginFlow(
                o.refresh() ? Boolean.TRUE : null, o.aal().map(a -> a.wireValue()).orElse(null),
                o.sessionToken().map(SessionToken::reveal).orElse(null),
                o.returnSessionTokenExchangeCode() ? Boolean.TRUE : null, o.returnTo().orElse(null),
                o.organization().orElse(null), o.via().orElse(null), o.identitySchema().orElse(null)));
        return LoginResponses.flow("start login flow", response, o.sessionToken());
    }

    @Override
    public LoginFlow fetch(FlowId id) {
        return fetch(id, Optional.empty());
    }

    @Override
    public LoginFlow fetch(FlowId id, SessionToken token) {
        return fetch(id, Optional.of(Objects.requireNonNull(token, "token == null")));
    }

    private LoginFlow fetch(FlowId id, Optional<SessionToken> token) {
        Objects.requireNonNull(id, "id == null");
        WireResponse response = http.call("fetch login flow", api -> api.getLoginFlow(id.value(), null));
        return LoginResponses.flow("fetch login flow " + id, response, token);
    }

    @Override
    public LoginOutcome submit(LoginFlow flow, LoginMethod method) {
        Objects.requireNonNull(flow, "flow == null");
        Validation.check(method);
        WireResponse response = http.call("submit login flow", api -> api.updateLoginFlow(flow.id().value(),
                LoginWire.body(method), flow.sessionToken().map(SessionToken::reveal).orElse(null), null));
        return LoginResponses.submitted(response, flow, method.method());
    }

    @Override
    public LoginFlow restart(LoginOutcome.FlowExpired expired) {
        Objects.requireNonNull(expired, "expired == null");
        return expired.replacement().map(this::fetch).orElseGet(this::start);
    }

    @Override
    public LoginFlow restart(LoginOutcome.FlowExpired expired, LoginOptions options) {
        Objects.requireNonNull(expired, "expired == null");
        Objects.requireNonNull(options, "options == null");
        return expired.replacement().map(id -> fetch(id, options.sessionToken())).orElseGet(() -> start(options));
    }
}
