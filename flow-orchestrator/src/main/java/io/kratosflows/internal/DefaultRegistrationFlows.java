package io.kratosflows.internal;

import io.kratosflows.FlowId;
import io.kratosflows.generated.api.FrontendApi;
import io.kratosflows.registration.RegistrationFlow;
import io.kratosflows.registration.RegistrationFlows;
import io.kratosflows.registration.RegistrationMethod;
import io.kratosflows.registration.RegistrationOptions;
import io.kratosflows.registration.RegistrationOutcome;
import java.util.Objects;

/** {@link RegistrationFlows}: each method one step. */
final class DefaultRegistrationFlows implements RegistrationFlows {

    private final Calls calls;

    DefaultRegistrationFlows(Calls calls) {
        this.calls = calls;
    }

    @Override
    public RegistrationFlow start(RegistrationOptions options) {
        Objects.requireNonNull(options, "options == null");
        return FlowStarts.read(calls, "start registration flow", FlowStarts.registration(options), FlowReader::registration);
    }

    @Override
    public RegistrationFlow fetch(FlowId id) {
        Objects.requireNonNull(id, "id == null");
        return FlowStarts.read(calls, "fetch registration flow " + id, FrontendApi.getRegistrationFlow().id(id.value()),
                FlowReader::registration);
    }

    @Override
    public RegistrationOutcome submit(RegistrationFlow flow, RegistrationMethod method) {
        return UpdateRegistrationFlowStep.run(calls, flow, method);
    }

    @Override
    public RegistrationFlow restart(RegistrationOutcome.FlowExpired expired) {
        Objects.requireNonNull(expired, "expired == null");
        return expired.replacement().map(this::fetch).orElseGet(this::start);
    }

    @Override
    public RegistrationFlow restart(RegistrationOutcome.TooManyAttempts tooMany) {
        Objects.requireNonNull(tooMany, "tooMany == null");
        return start();
    }
}
