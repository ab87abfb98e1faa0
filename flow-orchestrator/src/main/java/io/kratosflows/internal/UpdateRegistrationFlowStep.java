package io.kratosflows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.kratosflows.ContinueWith;
import io.kratosflows.Identity;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.Traits;
import io.kratosflows.generated.api.FrontendApi;
import io.kratosflows.generated.model.UpdateRegistrationFlowBody;
import io.kratosflows.generated.model.UpdateRegistrationFlowWithCodeMethod;
import io.kratosflows.generated.model.UpdateRegistrationFlowWithOidcMethod;
import io.kratosflows.generated.model.UpdateRegistrationFlowWithPasskeyMethod;
import io.kratosflows.generated.model.UpdateRegistrationFlowWithPasswordMethod;
import io.kratosflows.generated.model.UpdateRegistrationFlowWithProfileMethod;
import io.kratosflows.registration.RegistrationFlow;
import io.kratosflows.registration.RegistrationMethod;
import io.kratosflows.registration.RegistrationOutcome;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code updateRegistrationFlow} ({@code POST /self-service/registration?flow=}): the body of each
 * registration method, the call, and the mapping of Kratos's answer to a {@link RegistrationOutcome}.
 */
final class UpdateRegistrationFlowStep {

    /** Message 1040005: registration code sent. */
    static final long CODE_SENT = 1040005L;
    /** Message 1040009: "Please choose a credential to authenticate yourself with." */
    static final long CHOOSE_CREDENTIAL = 1040009L;

    static final FlowAnswers.Shared<RegistrationOutcome> SHARED = new FlowAnswers.Shared<>(
            RegistrationOutcome.FlowExpired::new, RegistrationOutcome.BrowserRequired::new,
            RegistrationOutcome.MethodUnavailable::new);

    private UpdateRegistrationFlowStep() {
    }

    static RegistrationOutcome run(Calls calls, RegistrationFlow flow, RegistrationMethod method) {
        Objects.requireNonNull(flow, "flow == null");
        calls.check(method);
        return FlowAnswers.notOffered(flow.ui(), method.method(), SHARED)
                .orElseGet(() -> outcome(calls.submit("submit registration flow", operation(flow, method)), flow, method.method()));
    }

    static FrontendApi.UpdateRegistrationFlowCall operation(RegistrationFlow flow, RegistrationMethod method) {
        return FrontendApi.updateRegistrationFlow().flow(flow.id().value()).body(body(method));
    }

    static UpdateRegistrationFlowBody body(RegistrationMethod method) {
        if (method instanceof RegistrationMethod.Password p) {
            return new UpdateRegistrationFlowWithPasswordMethod().method(p.method()).traits(p.traits().json())
                    .password(p.password().reveal());
        } else if (method instanceof RegistrationMethod.Code c) {
            UpdateRegistrationFlowWithCodeMethod body = new UpdateRegistrationFlowWithCodeMethod().method(c.method())
                    .traits(c.traits().json());
            c.code().map(Secret::reveal).ifPresent(body::code);
            return c.resend() ? body.resend(c.method()) : body;
        } else if (method instanceof RegistrationMethod.Oidc o) {
            UpdateRegistrationFlowWithOidcMethod body = new UpdateRegistrationFlowWithOidcMethod().method(o.method())
                    .provider(o.provider());
            o.traits().map(Traits::json).ifPresent(body::traits);
            o.idToken().map(Secret::reveal).ifPresent(body::idToken);
            o.idTokenNonce().ifPresent(body::idTokenNonce);
            return body;
        } else if (method instanceof RegistrationMethod.Passkey p) {
            return new UpdateRegistrationFlowWithPasskeyMethod().method(p.method()).traits(p.traits().json())
                    .passkeyRegister(p.registrationJson());
        }
        RegistrationMethod.Profile p = (RegistrationMethod.Profile) method;
        UpdateRegistrationFlowWithProfileMethod body = new UpdateRegistrationFlowWithProfileMethod().method(p.method())
                .traits(p.traits().json());
        return p.back() ? body.screen(UpdateRegistrationFlowWithProfileMethod.ScreenEnum.PREVIOUS) : body;
    }

    /** {@return the outcome of submitting {@code method} to {@code submitted}: status first, then shape and message ids} */
    static RegistrationOutcome outcome(KratosResponse response, RegistrationFlow submitted, String method) {
        int status = response.status();
        JsonNode body = response.json();
        if (status == 200 && body.path("identity").isObject()) {
            return completed(response, body);
        }
        if ((status == 200 || status == 400) && response.isFlow()) {
            RegistrationFlow flow = FlowAnswers.read("registration submission", response, FlowReader::registration);
            if (flow.ui().methodNotSupported()) {
                return new RegistrationOutcome.MethodUnavailable(method, Optional.empty());
            }
            boolean codeStep = flow.state().filter("sent_email"::equals).isPresent();
            if (status == 400 && codeStep && method.equals("code") && flow.ui().hasMessage(UpdateLoginFlowStep.GENERIC_VALIDATION)) {
                return new RegistrationOutcome.TooManyAttempts(flow); // Kratos now refuses every code on this flow
            }
            if (flow.ui().hasErrors()) {
                return new RegistrationOutcome.NeedsInput(flow);
            }
            if (codeStep || flow.ui().hasMessage(CODE_SENT)) {
                return new RegistrationOutcome.CodeSent(flow);
            }
            if (flow.ui().hasMessage(CHOOSE_CREDENTIAL)) {
                return new RegistrationOutcome.ChooseMethod(flow);
            }
            return new RegistrationOutcome.NeedsInput(flow);
        }
        return FlowAnswers.shared("registration submission", response, submitted.ui(), method, SHARED);
    }

    private static RegistrationOutcome completed(KratosResponse response, JsonNode body) {
        Identity identity = SessionReader.identity(body.path("identity"))
                .orElseThrow(() -> response.unexpected("registration succeeded without an identity id"));
        List<ContinueWith> continueWith = ContinueWithReader.read(body.path("continue_with"));
        Optional<SessionToken> token = Json.nonBlank(body, "session_token").map(SessionToken::of)
                .or(() -> ContinueWithReader.sessionToken(continueWith));
        return new RegistrationOutcome.Completed(identity, SessionReader.session(body.path("session")), token, continueWith);
    }
}
