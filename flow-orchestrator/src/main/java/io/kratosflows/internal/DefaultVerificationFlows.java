package io.kratosflows.internal;

import io.kratosflows.FlowId;
import io.kratosflows.generated.api.FrontendApi;
import io.kratosflows.verification.VerificationFlow;
import io.kratosflows.verification.VerificationFlows;
import io.kratosflows.verification.VerificationMethod;
import io.kratosflows.verification.VerificationOutcome;
import java.util.Objects;

/** {@link VerificationFlows}: each method one step. */
final class DefaultVerificationFlows implements VerificationFlows {

    private final Calls calls;

    DefaultVerificationFlows(Calls calls) {
        this.calls = calls;
    }

    @Override
    public VerificationFlow start() {
        return FlowStarts.read(calls, "start verification flow", FrontendApi.createNativeVerificationFlow(),
                FlowReader::verification);
    }

    @Override
    public VerificationFlow fetch(FlowId id) {
        Objects.requireNonNull(id, "id == null");
        return FlowStarts.read(calls, "fetch verification flow " + id, FrontendApi.getVerificationFlow().id(id.value()),
                FlowReader::verification);
    }

    @Override
    public VerificationOutcome submit(VerificationFlow flow, VerificationMethod method) {
        return UpdateVerificationFlowStep.run(calls, flow, method);
    }

    @Override
    public VerificationFlow restart(VerificationOutcome.FlowExpired expired) {
        Objects.requireNonNull(expired, "expired == null");
        return expired.replacement().map(this::fetch).orElseGet(this::start);
    }

    @Override
    public VerificationFlow restart(VerificationOutcome.TooManyAttempts tooMany) {
        Objects.requireNonNull(tooMany, "tooMany == null");
        return tooMany.replacement().map(this::fetch).orElseGet(this::start);
    }
}
