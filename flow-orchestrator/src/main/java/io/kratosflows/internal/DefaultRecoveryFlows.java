package io.kratosflows.internal;

import io.kratosflows.FlowId;
import io.kratosflows.Secret;
import io.kratosflows.generated.model.UpdateRecoveryFlowWithCodeMethod;
import io.kratosflows.recovery.RecoveryFlow;
import io.kratosflows.recovery.RecoveryFlows;
import io.kratosflows.recovery.RecoveryMethod;
import io.kratosflows.recovery.RecoveryOutcome;
import java.util.Objects;

/** {@link RecoveryFlows} over the generated {@code FrontendApi}. */
final class DefaultRecoveryFlows implements RecoveryFlows {

    private final KratosHttp http;

    DefaultRecoveryFlows(KratosHttp http) {
        this.http = http;
    }

    @Override
    public RecoveryFlow start() {
        WireResponse response = http.call("start recovery flow", api -> api.createNativeRecoveryFlow());
        return RecoveryResponses.flow("start recovery flow", response);
    }

    @Override
    public RecoveryFlow fetch(FlowId id) {
        Objects.requireNonNull(id, "id == null");
        WireResponse response = http.call("fetch recovery flow", api -> api.getRecoveryFlow(id.value(), null));
        return RecoveryResponses.flow("fetch recovery flow " + id, response);
    }

    @Override
    public RecoveryOutcome submit(RecoveryFlow flow, RecoveryMethod method) {
        Objects.requireNonNull(flow, "flow == null");
        RecoveryMethod.Code code = (RecoveryMethod.Code) Validation.check(method);
        UpdateRecoveryFlowWithCodeMethod body = new UpdateRecoveryFlowWithCodeMethod()
                .method(UpdateRecoveryFlowWithCodeMethod.MethodEnum.CODE);
        code.email().ifPresent(body::email);
        code.code().map(Secret::reveal).ifPresent(body::code);
        WireResponse response = http.call("submit recovery flow", api -> api.updateRecoveryFlow(flow.id().value(), body, null, null));
        return RecoveryResponses.submitted(response);
    }

    @Override
    public RecoveryFlow restart(RecoveryOutcome.FlowExpired expired) {
        Objects.requireNonNull(expired, "expired == null");
        return expired.replacement().map(this::fetch).orElseGet(this::start);
    }
}
