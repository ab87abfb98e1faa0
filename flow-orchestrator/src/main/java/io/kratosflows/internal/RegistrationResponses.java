package io.kratosflows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.kratosflows.Identity;
import io.kratosflows.SessionToken;
import io.kratosflows.ContinueWith;
import io.kratosflows.registration.RegistrationFlow;
import io.kratosflows.registration.RegistrationOutcome;
import java.util.List;
import java.util.Optional;

/** The dispatchers of registration: status first, then shape and message ids. */
public final class RegistrationResponses {

    /** Message 1040005: registration code sent. */
    static final long CODE_SENT = 1040005L;
    /** Message 1040009: "Please choose a credential to authenticate yourself with." */
    static final long CHOOSE_CREDENTIAL = 1040009L;

    private RegistrationResponses() {
    }

    /** {@return the flow of a start or fetch response, or throws for an error} */
    public static RegistrationFlow flow(String what, WireResponse response) {
        return FlowResponses.flow(what, response, FlowReader::registration);
    }

    /** {@return the outcome of submitting {@code method} to {@code submitted}} */
    public static RegistrationOutcome submitted(WireResponse response, RegistrationFlow submitted, String method) {
        JsonNode body = response.jsonOrMissing();
        int status = response.status();
        if (status == 200 && body.path("identity").isObject()) {
            return completed(response, body);
        }
        if ((status == 200 || status == 400) && FlowResponses.isFlow(body)) {
            RegistrationFlow flow = FlowReader.registration(body);
            if (flow.ui().methodNotSupported()) {
                return new RegistrationOutcome.MethodUnavailable(method, Optional.empty());
            }
            if (flow.ui().hasErrors()) {
                return new RegistrationOutcome.NeedsInput(flow);
            }
            if (flow.state().filter("sent_email"::equals).isPresent() || flow.ui().hasMessage(CODE_SENT)) {
                return new RegistrationOutcome.CodeSent(flow);
            }
            if (flow.ui().hasMessage(CHOOSE_CREDENTIAL)) {
                return new RegistrationOutcome.ChooseMethod(flow);
            }
            return new RegistrationOutcome.NeedsInput(flow);
        }
        if (FlowResponses.methodDisabled(response, submitted.ui(), method)) {
            return new RegistrationOutcome.MethodUnavailable(method, Optional.of(FlowResponses.error(response)));
        }
        if (status == 410) {
            return new RegistrationOutcome.FlowExpired(FlowResponses.error(response), FlowResponses.replacement(body));
        }
        if (status == 422 || status == 303) {
            Optional<String> url = FlowResponses.browserUrl(response);
            if (url.isPresent()) {
                return new RegistrationOutcome.BrowserRequired(url.get(), FlowResponses.error(response));
            }
        }
        throw FlowResponses.failure("registration submission", response);
    }

    private static RegistrationOutcome completed(WireResponse response, JsonNode body) {
        Identity identity = SessionReader.identity(body.path("identity"))
                .orElseThrow(() -> response.unexpected("registration succeeded without an identity id"));
        List<ContinueWith> continueWith = ContinueWithReader.read(body.path("continue_with"));
        Optional<SessionToken> token = Json.text(body, "session_token").filter(s -> !s.isBlank()).map(SessionToken::of)
                .or(() -> ContinueWithReader.sessionToken(continueWith));
        return new RegistrationOutcome.Completed(identity, SessionReader.session(body.path("session")), token, continueWith);
    }
}
