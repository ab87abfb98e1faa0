package io.kratosflows.internal;

import io.kratosflows.FlowId;
import io.kratosflows.SessionToken;
import io.kratosflows.generated.api.FrontendApi;
import io.kratosflows.login.LoginFlow;
import io.kratosflows.login.LoginFlows;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOptions;
import io.kratosflows.login.LoginOutcome;
import java.util.Objects;
import java.util.Optional;

/** {@link LoginFlows}: each method one step. */
final class DefaultLoginFlows implements LoginFlows {

    private final Calls calls;

    DefaultLoginFlows(Calls calls) {
        this.calls = calls;
    }

    @Override
    public LoginFlow start(LoginOptions options) {
        Objects.requireNonNull(options, "options == null");
        return FlowStarts.read(calls, "start login flow", FlowStarts.login(options), f -> FlowReader.login(f, options.sessionToken()));
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
        return FlowStarts.read(calls, "fetch login flow " + id, FrontendApi.getLoginFlow().id(id.value()), f -> FlowReader.login(f, token));
    }

    @Override
    public LoginOutcome submit(LoginFlow flow, LoginMethod method) {
        return UpdateLoginFlowStep.run(calls, flow, method);
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

    @Override
    public LoginFlow restart(LoginOutcome.TooManyAttempts tooMany) {
        Objects.requireNonNull(tooMany, "tooMany == null");
        LoginFlow dead = tooMany.flow();
        LoginOptions options = LoginOptions.defaults().withRefresh(dead.refresh());
        options = dead.requestedAal() == io.kratosflows.Aal.AAL2 ? options.withAal(io.kratosflows.Aal.AAL2) : options;
        return start(dead.sessionToken().map(options::withSessionToken).orElse(options));
    }
}
