package io.kratosflows.internal;

import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.generated.api.FrontendApi;
import io.kratosflows.session.Session;
import io.kratosflows.session.TokenExchangeOutcome;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code exchangeSessionToken} ({@code GET /sessions/token-exchange}) and its
 * {@link TokenExchangeOutcome}. Not idempotent although it is a GET: the codes are used up.
 */
final class ExchangeSessionTokenStep {

    private ExchangeSessionTokenStep() {
    }

    static TokenExchangeOutcome run(Calls calls, Secret initCode, Secret returnToCode) {
        Objects.requireNonNull(initCode, "initCode == null");
        Objects.requireNonNull(returnToCode, "returnToCode == null");
        return outcome(calls.submit("session token exchange",
                FrontendApi.exchangeSessionToken().initCode(initCode.reveal()).returnToCode(returnToCode.reveal())));
    }

    static TokenExchangeOutcome outcome(KratosResponse response) {
        int status = response.status();
        Optional<String> token = Json.nonBlank(response.json(), "session_token");
        if (status == 200 && token.isPresent()) {
            Session session = SessionReader.session(response.json().path("session"))
                    .orElseThrow(() -> response.unexpected("token exchange answered without a session"));
            return new TokenExchangeOutcome.Exchanged(session, SessionToken.of(token.get()));
        }
        if (status == 422 && response.isFlow()) {
            // The browser step failed; Kratos's development line answers with the flow that says why.
            boolean registration = Json.text(response.json().path("ui"), "action", "").contains("/self-service/registration");
            return registration
                    ? new TokenExchangeOutcome.RegistrationFailed(FlowAnswers.read("token exchange", response, FlowReader::registration))
                    : new TokenExchangeOutcome.LoginFailed(FlowAnswers.read("token exchange", response,
                            f -> FlowReader.login(f, Optional.empty())));
        }
        if ((status == 403 || status == 404 || status == 410) && response.isError()) {
            return new TokenExchangeOutcome.Rejected(response.error());
        }
        throw response.failure("session token exchange");
    }
}
