package io.kratosflows.internal;

import io.kratosflows.FlowId;
import io.kratosflows.Secret;
import io.kratosflows.generated.model.UpdateVerificationFlowWithCodeMethod;
import io.kratosflows.verification.VerificationFlow;
import io.kratosflows.verification.VerificationFlows;
import io.kratosflows.verification.VerificationMethod;
import io.kratosflows.verification.VerificationOutcome;
import java.util.Objects;

/** {@link VerificationFlows} over the generated {@code FrontendApi}. */
final class DefaultVerificationFlows implements VerificationFlows {

    private final KratosHttp http;

    DefaultVerificationFlows(KratosHttp http) {
        this.http = http;
    }

    @Override
    public VerificationFlow start() {
        WireResponse response = http.call("start verification flow", api -> api.createNativeVerificationFlow(null));
        return VerificationResponses.flow("start verification flow", response);
    }

    @Override
    public VerificationFlow fetch(FlowId id) {
        Objects.requireNonNull(id, "id == null");
        WireResponse response = http.call("fetch verification flow", api -> api.getVerificationFlow(id.value(), null));
        return VerificationResponses.flow("fetch verification flow " + id, response);
    }

    @Override
    public VerificationOutcome submit(VerificationFlow flow, VerificationMethod method) {
        Objects.requireNonNull(flow, "flow == null");
        VerificationMethod.Code code = (VerificationMethod.Code) Validation.check(method);
        UpdateVerificationFlowWithCodeMethod body = new UpdateVerificationFlowWithCodeMethod()
                .method(UpdateVerificationFlowWithCodeMethod.MethodEnum.CODE);
        code.email().ifPresent(body::email);
        code.code().map(Secret::reveal).ifPresent(body::code);
        WireResponse response = http.call("submit verification flow",
                api -> api.updateVerificationFlow(flow.id().value(), body, null, null));
        return VerificationResponses.submitted(response);
    }

    @Override
    public VerificationFlow restart(VerificationOutcome.FlowExpired expired) {
        Objects.requireNonNull(expired, "expired == null");
        return expired.replacement().map(this::fetch).orElseGet(this::start);
    }
}
