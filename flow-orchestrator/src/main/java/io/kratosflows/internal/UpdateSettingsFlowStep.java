package io.kratosflows.internal;

import io.kratosflows.ContinueWith;
import io.kratosflows.Secret;
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

    /** Message 1050001: "Your changes have been saved!" */
    static final long SAVED = 1050001L;

    static final FlowAnswers.Shared<SettingsOutcome> SHARED = new FlowAnswers.Shared<>(SettingsOutcome.FlowExpired::new,
            SettingsOutcome.BrowserRequired::new, SettingsOutcome.MethodUnavailable::new);

    private UpdateSettingsFlowStep() {
    }

    static SettingsOutcome run(Calls calls, SettingsFlow flow, SettingsMethod method) {
        Objects.requireNonNull(flow, "flow == null");
        calls.check(method);
        return FlowAnswers.notOffered(flow.ui(), method.method(), SHARED)
                .orElseGet(() -> outcome(calls.submit("submit settings flow", operation(flow, method)), flow, method));
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
    static SettingsOutcome outcome(KratosResponse response, SettingsFlow submitted, SettingsMethod method) {
        int status = response.status();
        if ((status == 200 || status == 400) && response.isFlow()) {
            SettingsFlow flow = FlowAnswers.read("settings submission", response, f -> FlowReader.settings(f, submitted.sessionToken()));
            return fromFlow(flow, status, method);
        }
        if (status == 403 && response.errorIs("session_refresh_required")) {
            return new SettingsOutcome.RefreshRequired(response.error(), FlowAnswers.browserUrl(response), Optional.empty());
        }
        if (status == 403 && response.errorIs("session_aal2_required")) {
            return new SettingsOutcome.SecondFactorRequired(response.error(), FlowAnswers.browserUrl(response));
        }
        return FlowAnswers.shared("settings submission", response, submitted.ui(), method.method(), SHARED);
    }

    /**
     * A 200 is not "saved" by itself: Kratos also answers 200 when it only shows something (backup
     * codes after reveal or regenerate, stored only once confirmed) or holds a change back until a new
     * address is verified. Saved means {@code state: success} or message 1050001.
     */
    private static SettingsOutcome fromFlow(SettingsFlow flow, int status, SettingsMethod method) {
        if (flow.ui().methodNotSupported()) {
            return new SettingsOutcome.MethodUnavailable(method.method(), Optional.empty());
        }
        if (status != 200 || flow.ui().hasErrors()) {
            return new SettingsOutcome.NeedsInput(flow);
        }
        if (method instanceof SettingsMethod.LookupSecret l && (l.action() == SettingsMethod.LookupSecret.Action.REVEAL
                || l.action() == SettingsMethod.LookupSecret.Action.REGENERATE) && !flow.lookupSecrets().isEmpty()) {
            return new SettingsOutcome.LookupSecretsShown(flow, flow.lookupSecrets(), flow.lookupSecretsNeedConfirmation());
        }
        if (flow.saved() || flow.ui().hasMessage(SAVED)) {
            return new SettingsOutcome.Saved(flow);
        }
        Optional<ContinueWith.ShowVerificationUi> verify = ContinueWithReader.first(flow.continueWith(),
                ContinueWith.ShowVerificationUi.class);
        if (verify.isPresent()) {
            return new SettingsOutcome.VerificationRequired(flow, verify.get().flow(), verify.get().address());
        }
        return new SettingsOutcome.NeedsInput(flow); // answered, nothing saved: show the form again
    }
}
