package io.kratosflows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.kratosflows.ContinueWith;
import io.kratosflows.FlowId;
import io.kratosflows.SessionToken;
import io.kratosflows.error.KratosError;
import io.kratosflows.recovery.RecoveryFlow;
import io.kratosflows.recovery.RecoveryOutcome;
import java.util.Map;
import java.util.Optional;

/** The dispatchers of recovery: a wrong code is HTTP 200, so shape and message ids decide. */
public final class RecoveryResponses {

    /** Message 1060003: recovery code sent. */
    static final long CODE_SENT = 1060003L;
    /** Message 4060006: recovery code invalid or used. */
    static final long INVALID_CODE = 4060006L;
    static final String NO_TRANSITIONS_HINT = "Kratos answered a native recovery with a browser hand-over: enable "
            + "feature_flags.use_continue_with_transitions on the server so that it returns the session token "
            + "(continue_with set_ory_session_token) instead.";

    private RecoveryResponses() {
    }

    /** {@return the flow of a start or fetch response, or throws for an error} */
    public static RecoveryFlow flow(String what, WireResponse response) {
        return FlowResponses.flow(what, response, FlowReader::recovery);
    }

    /** {@return the outcome of a submission} */
    public static RecoveryOutcome submitted(WireResponse response) {
        JsonNode body = response.jsonOrMissing();
        int status = response.status();
        if ((status == 200 || status == 400) && FlowResponses.isFlow(body)) {
            return fromFlow(FlowReader.recovery(body), status);
        }
        Optional<FlowId> newFlow = FlowResponses.recoveryUiInDetails(body).or(() -> FlowResponses.replacement(body));
        if (status == 410 || (FlowResponses.isError(body) && newFlow.isPresent())) {
            return new RecoveryOutcome.FlowExpired(FlowResponses.error(response), newFlow);
        }
        if (status == 303 && FlowResponses.flowInLocation(response).isPresent()) {
            // Without continue-with transitions Kratos retries a native flow by redirecting to the new one.
            return new RecoveryOutcome.FlowExpired(redirectError(response), FlowResponses.flowInLocation(response));
        }
        if (status == 422) {
            Optional<String> url = FlowResponses.browserUrl(response);
            if (url.isPresent()) {
                return new RecoveryOutcome.BrowserRequired(url.get(), FlowResponses.error(response), NO_TRANSITIONS_HINT);
            }
        }
        throw FlowResponses.failure("recovery submission", response);
    }

    private static RecoveryOutcome fromFlow(RecoveryFlow flow, int status) {
        Optional<SessionToken> token = ContinueWithReader.sessionToken(flow.continueWith());
        Optional<FlowId> settings = flow.continueWith().stream().filter(ContinueWith.ShowSettingsUi.class::isInstance)
                .map(c -> ((ContinueWith.ShowSettingsUi) c).flow()).findFirst();
        if (status == 200 && token.isPresent() && settings.isPresent()) {
            return new RecoveryOutcome.Recovered(flow, token.get(), settings.get());
        }
        if (flow.ui().hasMessage(INVALID_CODE)) {
            return new RecoveryOutcome.InvalidCode(flow);
        }
        boolean sent = flow.state().filter("sent_email"::equals).isPresent() || flow.ui().hasMessage(CODE_SENT);
        return status == 200 && sent && !flow.ui().hasErrors() ? new RecoveryOutcome.CodeSent(flow) : new RecoveryOutcome.NeedsInput(flow);
    }

    private static KratosError redirectError(WireResponse response) {
        return new KratosError(response.status(), Optional.empty(), Optional.of("redirected to a new recovery flow"),
                Optional.empty(), response.requestId(), Map.of());
    }
}
