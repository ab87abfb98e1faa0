package io.kratosflows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.kratosflows.ContinueWith;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.TransientPayload;
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

    static final FlowAnswers.Shared<LoginOutcome> SHARED = new FlowAnswers.Shared<>(LoginOutcome.FlowExpired::new,
            LoginOutcome.BrowserRequired::new, LoginOutcome.MethodUnavailable::new);

    private UpdateLoginFlowStep() {
    }

    static LoginOutcome run(Calls calls, LoginFlow flow, LoginMethod method) {
        return run(calls, flow, method, Optional.empty());
    }

    static LoginOutcome run(Calls calls, LoginFlow flow, LoginMethod method, Optional<TransientPayload> payload) {
        Objects.requireNonNull(flow, "flow == null");
        calls.check(method);
        return FlowAnswers.notOffered(flow.ui(), method.method(), SHARED)
                .orElseGet(() -> outcome(calls.submit("submit login flow", operation(flow, method, payload)), flow, method.method()));
    }

    /** {@return the operation, with the transient payload set on the method's body when given} */
    static FrontendApi.UpdateLoginFlowCall operation(LoginFlow flow, LoginMethod method, Optional<TransientPayload> payload) {
        FrontendApi.UpdateLoginFlowCall operation = operation(flow, method);
        payload.ifPresent(p -> ModelProperties.set(operation.body(), "transient_payload", p.json(),
                "updateLoginFlow (" + method.method() + ")"));
        return operation;
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
            if (c.address().isPresent()) {
                // Choosing the second-factor address: Kratos expects only the address (v26 strategy_login.go).
                return new UpdateLoginFlowWithCodeMethod().method(c.method()).address(c.address().get());
            }
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
            LoginFlow flow = FlowAnswers.read("login submission", response, f -> FlowReader.login(f, submitted.sessionToken()));
            if (flow.ui().methodNotSupported()) {
                return new LoginOutcome.MethodUnavailable(method, Optional.empty());
            }
            boolean codeSent = flow.state().filter("sent_email"::equals).isPresent() || flow.ui().hasMessage(CODE_SENT);
            return codeSent && !flow.ui().hasErrors() ? new LoginOutcome.CodeSent(flow) : new LoginOutcome.NeedsInput(flow);
        }
        if (status == 403 && response.errorIs("session_verified_address_required")) {
            var show = ContinueWithReader.first(FlowAnswers.continueWithInDetails(body), ContinueWith.ShowVerificationUi.class);
            return new LoginOutcome.VerificationRequired(response.error(), show.map(ContinueWith.ShowVerificationUi::flow),
                    show.flatMap(ContinueWith.ShowVerificationUi::address));
        }
        if (status == 400 && response.errorIs("session_already_available") && expired(submitted)) {
            // A refresh flow submitted after its expiry is not answered with 410 but as a new login
            // attempt of a signed-in user (all versions seen): the flow expired, start a new one.
            return new LoginOutcome.FlowExpired(response.error(), Optional.empty());
        }
        return FlowAnswers.shared("login submission", response, submitted.ui(), method, SHARED);
    }

    private static boolean expired(LoginFlow flow) {
        return flow.expiresAt().filter(Instant.now()::isAfter).isPresent();
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
