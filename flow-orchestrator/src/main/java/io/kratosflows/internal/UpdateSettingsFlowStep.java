package io.kratosflows.internal;

import io.kratosflows.Secret;
import io.kratosflows.TransientPayload;
import io.kratosflows.generated.api.FrontendApi;
import io.kratosflows.generated.model.UpdateSettingsFlowBody;
import io.kratosflows.generated.model.UpdateSettingsFlowWithLookupMethod;
import io.kratosflows.generated.model.UpdateSettingsFlowWithOidcMethod;
import io.kratosflows.generated.model.UpdateSettingsFlowWithPasskeyMethod;
import io.kratosflows.generated.model.UpdateSettingsFlowWithPasswordMethod;
import io.kratosflows.generated.model.UpdateSettingsFlowWithProfileMethod;
import io.kratosflows.generated.model.UpdateSettingsFlowWithTotpMethod;
import io.kratosflows.settings.SettingsFlow;
import io.kratosflows.settings.SettingsMethod;
import io.kratosflows.settings.SettingsOutcome;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code updateSettingsFlow} ({@code POST /self-service/settings?flow=} with the session token): the
 * body of each settings method (only the pressed action), the call, and the mapping of Kratos's
 * answer to a {@link SettingsOutcome}.
 */
final class UpdateSettingsFlowStep {

    static final FlowAnswers.Shared<SettingsOutcome> SHARED = new FlowAnswers.Shared<>(SettingsOutcome.FlowExpired::new,
            SettingsOutcome.BrowserRequired::new, SettingsOutcome.MethodUnavailable::new);

    private UpdateSettingsFlowStep() {
    }

    static SettingsOutcome run(Calls calls, SettingsFlow flow, SettingsMethod method) {
        return run(calls, flow, method, Optional.empty());
    }

    static SettingsOutcome run(Calls calls, SettingsFlow flow, SettingsMethod method, Optional<TransientPayload> payload) {
        Objects.requireNonNull(flow, "flow == null");
        calls.check(method);
        return FlowAnswers.notOffered(flow.ui(), method.method(), SHARED)
                .orElseGet(() -> outcome(calls.submit("submit settings flow", operation(flow, method, payload)), flow, method.method()));
    }

    /** {@return the operation, with the transient payload set on the method's body when given} */
    static FrontendApi.UpdateSettingsFlowCall operation(SettingsFlow flow, SettingsMethod method, Optional<TransientPayload> payload) {
        FrontendApi.UpdateSettingsFlowCall operation = operation(flow, method);
        payload.ifPresent(p -> ModelProperties.set(operation.body(), "transient_payload", p.json(),
                "updateSettingsFlow (" + method.method() + ")"));
        return operation;
    }

    static FrontendApi.UpdateSettingsFlowCall operation(SettingsFlow flow, SettingsMethod method) {
        return FrontendApi.updateSettingsFlow().flow(flow.id().value()).xSessionToken(flow.sessionToken().reveal())
                .body(body(method, flow.csrfToken().orElse(null)));
    }

    static UpdateSettingsFlowBody body(SettingsMethod method, String csrfToken) {
        if (method instanceof SettingsMethod.Profile p) {
            return new UpdateSettingsFlowWithProfileMethod().method(p.method()).traits(p.traits().json()).csrfToken(csrfToken);
        } else if (method instanceof SettingsMethod.Password p) {
            return new UpdateSettingsFlowWithPasswordMethod().method(p.method()).password(p.password().reveal()).csrfToken(csrfToken);
        } else if (method instanceof SettingsMethod.Totp t) {
            UpdateSettingsFlowWithTotpMethod body = new UpdateSettingsFlowWithTotpMethod().method(t.method()).csrfToken(csrfToken);
            t.code().map(Secret::reveal).ifPresent(body::totpCode);
            return t.unlink() ? body.totpUnlink(true) : body;
        } else if (method instanceof SettingsMethod.LookupSecret l) {
            UpdateSettingsFlowWithLookupMethod body = new UpdateSettingsFlowWithLookupMethod().method(l.method()).csrfToken(csrfToken);
            return switch (l.action()) {
                case REVEAL -> body.lookupSecretReveal(true);
                case REGENERATE -> body.lookupSecretRegenerate(true);
                case CONFIRM -> body.lookupSecretConfirm(true);
                case DISABLE -> body.lookupSecretDisable(true);
            };
        } else if (method instanceof SettingsMethod.Passkey p) {
            UpdateSettingsFlowWithPasskeyMethod body = new UpdateSettingsFlowWithPasskeyMethod().method(p.method()).csrfToken(csrfToken);
            p.register().ifPresent(body::passkeySettingsRegister);
            p.remove().ifPresent(body::passkeyRemove);
            return body;
        }
        SettingsMethod.Oidc o = (SettingsMethod.Oidc) method;
        UpdateSettingsFlowWithOidcMethod body = new UpdateSettingsFlowWithOidcMethod().method(o.method());
        return o.unlink() ? body.unlink(o.provider()) : body.link(o.provider());
    }

    /** {@return the outcome of submitting {@code method} to {@code submitted}: status first, then error id} */
    static SettingsOutcome outcome(KratosResponse response, SettingsFlow submitted, String method) {
        int status = response.status();
        if ((status == 200 || status == 400) && response.isFlow()) {
            SettingsFlow flow = FlowAnswers.read("settings submission", response, f -> FlowReader.settings(f, submitted.sessionToken()));
            if (flow.ui().methodNotSupported()) {
                return new SettingsOutcome.MethodUnavailable(method, Optional.empty());
            }
            return status == 200 && !flow.ui().hasErrors() ? new SettingsOutcome.Saved(flow) : new SettingsOutcome.NeedsInput(flow);
        }
        if (status == 403 && response.errorIs("session_refresh_required")) {
            return new SettingsOutcome.RefreshRequired(response.error(), FlowAnswers.browserUrl(response), Optional.empty());
        }
        if (status == 403 && response.errorIs("session_aal2_required")) {
            return new SettingsOutcome.SecondFactorRequired(response.error(), FlowAnswers.browserUrl(response));
        }
        return FlowAnswers.shared("settings submission", response, submitted.ui(), method, SHARED);
    }
}
