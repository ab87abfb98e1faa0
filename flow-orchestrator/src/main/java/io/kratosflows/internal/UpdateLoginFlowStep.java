package io.kratosflows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.kratosflows.ContinueWith;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.generated.api.FrontendApi;
import io.kratosflows.generated.model.UpdateLoginFlowBody;
import io.kratosflows.generated.model.UpdateLoginFlowWithCodeMethod;
import io.kratosflows.generated.model.UpdateLoginFlowWithIdentifierFirstMethod;
import io.kratosflows.generated.model.UpdateLoginFlowWithLookupSecretMethod;
import io.kratosflows.generated.model.UpdateLoginFlowWithOidcMethod;
import io.kratosflows.generated.model.UpdateLoginFlowWithPasskeyMethod;
import io.kratosflows.generated.model.UpdateLoginFlowWithPasswordMethod;
import io.kratosflows.generated.model.UpdateLoginFlowWithTotpMethod;
import io.kratosflows.login.LoginFlow;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.session.Session;
import io.kratosflows.error.KratosError;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code updateLoginFlow} ({@code POST /self-service/login?flow=}): the body of each login method,
 * the call, and the mapping of Kratos's answer to a {@link LoginOutcome}.
 */
final class UpdateLoginFlowStep {

    /** Message 1010014: "A code was sent to the address you provided." */
    static final long CODE_SENT = 1010014L;
    /** Message 1010025: the same on a refresh or second-factor login (Kratos's development line). */
    static final long CODE_SENT_REAUTHENTICATION = 1010025L;
    /** Message 4000001: Kratos's generic validation message ("submitted too often", "a valid session was detected"). */
    static final long GENERIC_VALIDATION = 4000001L;
    /** Message 4010011: "This account has been disabled." */
    static final long IDENTITY_DISABLED = 4010011L;

    static final FlowAnswers.Shared<LoginOutcome> SHARED = new FlowAnswers.Shared<>(LoginOutcome.FlowExpired::new,
            LoginOutcome.BrowserRequired::new, LoginOutcome.MethodUnavailable::new);

    private UpdateLoginFlowStep() {
    }

    static LoginOutcome run(Calls calls, LoginFlow flow, LoginMethod method) {
        Objects.requireNonNull(flow, "flow == null");
        calls.check(method);
        return FlowAnswers.notOffered(flow.ui(), method.method(), SHARED)
                .orElseGet(() -> outcome(calls.submit("submit login flow", operation(flow, method)), flow, method.method()));
    }

    static FrontendApi.UpdateLoginFlowCall operation(LoginFlow flow, LoginMethod method) {
        return FrontendApi.updateLoginFlow().flow(flow.id().value()).body(body(method))
                .xSessionToken(flow.sessionToken().map(SessionToken::reveal).orElse(null));
    }

    /** {@return exactly the fields the method needs} */
    static UpdateLoginFlowBody body(LoginMethod method) {
        if (method instanceof LoginMethod.Password p) {
            return new UpdateLoginFlowWithPasswordMethod().method(p.method()).identifier(p.identifier())
                    .password(p.password().reveal());
        } else if (method instanceof LoginMethod.Code c) {
            UpdateLoginFlowWithCodeMethod body = new UpdateLoginFlowWithCodeMethod().method(c.method()).identifier(c.identifier());
            c.code().map(Secret::reveal).ifPresent(body::code);
            return c.resend() ? body.resend(c.method()) : body;
        } else if (method instanceof LoginMethod.Oidc o) {
            UpdateLoginFlowWithOidcMethod body = new UpdateLoginFlowWithOidcMethod().method(o.method()).provider(o.provider());
            o.idToken().map(Secret::reveal).ifPresent(body::idToken);
            o.idTokenNonce().ifPresent(body::idTokenNonce);
            return body;
        } else if (method instanceof LoginMethod.Passkey p) {
            return new UpdateLoginFlowWithPasskeyMethod().method(p.method()).passkeyLogin(p.assertionJson());
        } else if (method instanceof LoginMethod.Totp t) {
            return new UpdateLoginFlowWithTotpMethod().method(t.method()).totpCode(t.code().reveal());
        } else if (method instanceof LoginMethod.LookupSecret l) {
            return new UpdateLoginFlowWithLookupSecretMethod().method(l.method()).lookupSecret(l.code().reveal());
        }
        LoginMethod.IdentifierFirst i = (LoginMethod.IdentifierFirst) method;
        return new UpdateLoginFlowWithIdentifierFirstMethod().method(i.method()).identifier(i.identifier());
    }

    /** {@return the outcome of submitting {@code method} to {@code submitted}: status first, then shape and error id} */
    static LoginOutcome outcome(KratosResponse response, LoginFlow submitted, String method) {
        int status = response.status();
        JsonNode body = response.json();
        if (status == 200 && Json.nonBlank(body, "session_token").isPresent()) {
            return completed(response, body);
        }
        if ((status == 200 || status == 400) && response.isFlow()) {
            return fromFlow(FlowAnswers.read("login submission", response, f -> FlowReader.login(f, submitted.sessionToken())),
                    status, submitted, method);
        }
        if (FlowAnswers.identityDisabled(response)) {
            return new LoginOutcome.IdentityDisabled(Optional.empty(), Optional.of(response.error()));
        }
        if (status == 403 && response.errorIs("session_verified_address_required")) {
            var show = ContinueWithReader.first(FlowAnswers.continueWithInDetails(body), ContinueWith.ShowVerificationUi.class);
            return new LoginOutcome.VerificationRequired(response.error(), show.map(ContinueWith.ShowVerificationUi::flow),
                    show.flatMap(ContinueWith.ShowVerificationUi::address));
        }
        return FlowAnswers.shared("login submission", response, submitted.ui(), method, SHARED);
    }

    private static LoginOutcome fromFlow(LoginFlow flow, int status, LoginFlow submitted, String method) {
        if (flow.ui().methodNotSupported()) {
            return new LoginOutcome.MethodUnavailable(method, Optional.empty());
        }
        if (flow.ui().hasMessage(IDENTITY_DISABLED)) {
            // Even a code login in state passed_challenge: the identity is disabled, no session is issued.
            return new LoginOutcome.IdentityDisabled(Optional.of(flow), Optional.empty());
        }
        boolean codeStep = flow.state().filter("sent_email"::equals).isPresent();
        if (status == 400 && flow.ui().hasMessage(GENERIC_VALIDATION)) {
            if (codeStep && method.equals("code")) {
                return new LoginOutcome.TooManyAttempts(flow); // Kratos now refuses every code on this flow
            }
            Optional<Instant> expiredAt = submitted.expiresAt().filter(Instant.now()::isAfter);
            if (expiredAt.isPresent()) {
                // A flow submitted with a session token after its expiry is not answered with 410: Kratos
                // tries a new (non-refresh) login for a signed-in user and writes that error onto the old
                // flow (all versions seen). The flow expired; restart() starts a new one.
                return new LoginOutcome.FlowExpired(expiredError(flow), Optional.empty(), expiredAt,
                        Optional.of(Duration.between(expiredAt.get(), Instant.now())));
            }
        }
        boolean codeSent = codeStep || flow.ui().hasMessage(CODE_SENT) || flow.ui().hasMessage(CODE_SENT_REAUTHENTICATION);
        return codeSent && !flow.ui().hasErrors() ? new LoginOutcome.CodeSent(flow) : new LoginOutcome.NeedsInput(flow);
    }

    private static KratosError expiredError(LoginFlow flow) {
        String text = flow.ui().messages().stream().filter(m -> m.id() == GENERIC_VALIDATION).map(m -> m.text()).findFirst().orElse("");
        return new KratosError(400, Optional.empty(), Optional.of("the flow expired before it was submitted"), Optional.of(text),
                Optional.empty(), java.util.Map.of());
    }

    private static LoginOutcome completed(KratosResponse response, JsonNode body) {
        SessionToken token = SessionToken.of(body.path("session_token").textValue());
        Session session = SessionReader.session(body.path("session"))
                .orElseThrow(() -> response.unexpected("login succeeded without a session"));
        if (session.identity().isEmpty()) {
            // Kratos withholds the identity until the required assurance level is reached.
            return new LoginOutcome.SecondFactorRequired(session, token);
        }
        return new LoginOutcome.Completed(session, token, ContinueWithReader.read(body.path("continue_with")));
    }
}
