package io.kratosflows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.kratosflows.ContinueWith;
import io.kratosflows.SessionToken;
import io.kratosflows.login.LoginFlow;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.session.Session;
import java.util.Optional;

/** The dispatchers of login: status first, then shape and {@code error.id}. */
public final class LoginResponses {

    /** Message 1010014: "A code was sent to the address you provided." */
    static final long CODE_SENT = 1010014L;

    private LoginResponses() {
    }

    /** {@return the flow of a start or fetch response, or throws for an error} */
    public static LoginFlow flow(String what, WireResponse response, Optional<SessionToken> token) {
        return FlowResponses.flow(what, response, body -> FlowReader.login(body, token));
    }

    /** {@return the outcome of submitting {@code method} to {@code submitted}} */
    public static LoginOutcome submitted(WireResponse response, LoginFlow submitted, String method) {
        Optional<SessionToken> flowToken = submitted.sessionToken();
        JsonNode body = response.jsonOrMissing();
        int status = response.status();
        if (status == 200 && body.hasNonNull("session_token")) {
            return completed(response, body);
        }
        if ((status == 200 || status == 400) && FlowResponses.isFlow(body)) {
            LoginFlow flow = FlowReader.login(body, flowToken);
            if (flow.ui().methodNotSupported()) {
                return new LoginOutcome.MethodUnavailable(method, Optional.empty());
            }
            boolean codeSent = flow.state().filter("sent_email"::equals).isPresent() || flow.ui().hasMessage(CODE_SENT);
            return codeSent && !flow.ui().hasErrors() ? new LoginOutcome.CodeSent(flow) : new LoginOutcome.NeedsInput(flow);
        }
        if (status == 403 && ErrorReader.id(response).filter("session_verified_address_required"::equals).isPresent()) {
            return verificationRequired(response);
        }
        if (FlowResponses.methodDisabled(response, submitted.ui(), method)) {
            return new LoginOutcome.MethodUnavailable(method, Optional.of(FlowResponses.error(response)));
        }
        if (status == 410) {
            return new LoginOutcome.FlowExpired(FlowResponses.error(response), FlowResponses.replacement(body));
        }
        if (status == 422 || status == 303) {
            Optional<String> url = FlowResponses.browserUrl(response);
            if (url.isPresent()) {
                return new LoginOutcome.BrowserRequired(url.get(), FlowResponses.error(response));
            }
        }
        throw FlowResponses.failure("login submission", response);
    }

    private static LoginOutcome verificationRequired(WireResponse response) {
        var show = ContinueWithReader.read(response.jsonOrMissing().path("error").path("details").path("continue_with")).stream()
                .filter(ContinueWith.ShowVerificationUi.class::isInstance).map(c -> (ContinueWith.ShowVerificationUi) c).findFirst();
        return new LoginOutcome.VerificationRequired(FlowResponses.error(response),
                show.map(ContinueWith.ShowVerificationUi::flow), show.flatMap(ContinueWith.ShowVerificationUi::address));
    }

    private static LoginOutcome completed(WireResponse response, JsonNode body) {
        SessionToken token = SessionToken.of(body.path("session_token").asText());
        Session session = SessionReader.session(body.path("session"))
                .orElseThrow(() -> response.unexpected("login succeeded without a session"));
        if (session.identity().isEmpty()) {
            // Kratos withholds the identity until the required assurance level is reached.
            return new LoginOutcome.SecondFactorRequired(session, token);
        }
        return new LoginOutcome.Completed(session, token, ContinueWithReader.read(body.path("continue_with")));
    }
}
