package io.kratosflows.internal;

import io.kratosflows.FlowId;
import io.kratosflows.generated.api.FrontendApi;
import io.kratosflows.recovery.RecoveryFlow;
import io.kratosflows.recovery.RecoveryFlows;
import io.kratosflows.recovery.RecoveryMethod;
import io.kratosflows.recovery.RecoveryOutcome;
import java.util.Objects;

/** {@link RecoveryFlows}: each method one step. */
final class DefaultRecoveryFlows implements RecoveryFlows {

    private final Calls calls;

    DefaultRecoveryFlows(Calls calls) {
        this.calls = calls;
    }

    @Override
    public RecoveryFlow start() {
        return FlowStarts.read(calls, "start recovery flow", FrontendApi.createNativeRecoveryFlow(), FlowReader::recovery);
    }

    @Override
    public RecoveryFlow fetch(FlowId id) {
        Objects.requireNonNull(id, "id == null");
        return FlowStarts.read(calls, "fetch recovery flow " + id, FrontendApi.getRecoveryFlow().id(id.value()), FlowReader::recovery);
    }

    @Override
    public RecoveryOutcome submit(RecoveryFlow flow, RecoveryMethod method) {
        return UpdateRecoveryFlowStep.run(calls, flow, method);
    }

    @Override
    public RecoveryFlow restart(RecoveryOutcome.FlowExpired expired) {
        Objects.requireNonNull(expired, "expired == null");
        return expired.replacement().map(this::fetch).orElseGet(this::start);
    }

    @Override
    public RecoveryFlow restart(RecoveryOutcome.TooManyAttempts tooMany) {
        Objects.requireNonNull(tooMany, "tooMany == null");
        return tooMany.replacement().map(this::fetch).orElseGet(this::start);
    }
}
