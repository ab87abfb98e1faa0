package io.kratosflows.internal;

import io.kratosflows.FlowId;
import io.kratosflows.registration.RegistrationFlow;
import io.kratosflows.registration.RegistrationFlows;
import io.kratosflows.registration.RegistrationMethod;
import io.kratosflows.registration.RegistrationOptions;
import io.kratosflows.registration.RegistrationOutcome;
import java.util.Objects;

/** {@link RegistrationFlows} over the generated {@code FrontendApi}. */
final class DefaultRegistrationFlows implements RegistrationFlows {

    private final KratosHttp http;

    DefaultRegistrationFlows(KratosHttp http) {
        this.http = http;
    }

    @Override
    public RegistrationFlow start(RegistrationOptions o) {
        Objects.requireNonNull(o, "options == null");
        WireResponse response = http.call("start registration flow", api -> api.createNativeRegistrationFlow(
                o.returnSessionTokenExchangeCode() ? Boolean.TRUE : null, o.returnTo().orElse(null),
                o.organization().orElse(null), o.identitySchema().orElse(null)));
        return RegistrationResponses.flow("start registration flow", response);
    }

    @Override
    public RegistrationFlow fetch(FlowId id) {
        Objects.requireNonNull(id, "id == null");
        WireResponse response = http.call("fetch registration flow", api -> api.getRegistrationFlow(id.value(), null));
        return RegistrationResponses.flow("fetch registration flow " + id, response);
    }

    @Override
    public RegistrationOutcome submit(RegistrationFlow flow, RegistrationMethod method) {
        Objects.requireNonNull(flow, "flow == null");
        Validation.check(method);
        WireResponse response = http.call("submit registration flow",
                api -> api.updateRegistrationFlow(flow.id().value(), RegistrationWire.body(method), null));
        return RegistrationResponses.submitted(response, flow, method.method());
    }

    @Override
    public RegistrationFlow restart(RegistrationOutcome.FlowExpired expired) {
        Objects.requireNonNull(expired, "expired == null");
        return expired.replacement().map(this::fetch).orElseGet(this::start);
    }
}
