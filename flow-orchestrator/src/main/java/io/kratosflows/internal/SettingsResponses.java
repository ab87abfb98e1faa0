package io.kratosflows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.kratosflows.SessionToken;
import io.kratosflows.settings.SettingsFlow;
import io.kratosflows.settings.SettingsOutcome;
import java.util.Optional;

/** The dispatchers of settings: status first, then {@code error.id}. */
public final class SettingsResponses {

    private SettingsResponses() {
    }

    /** {@return the flow of a start or fetch response, or throws for an error} */
    public static SettingsFlow flow(String what, WireResponse response, SessionToken token) {
        return FlowResponses.flow(what, response, body -> FlowReader.settings(body, token));
    }

    /** {@return the outcome of submitting {@code method} to {@code submitted}} */
    public static SettingsOutcome submitted(WireResponse response, SettingsFlow submitted, String method) {
        SessionToken token = submitted.sessionToken();
        JsonNode body = response.jsonOrMissing();
        int status = response.status();
        if ((status == 200 || status == 400) && FlowResponses.isFlow(body)) {
            SettingsFlow flow = FlowReader.settings(body, token);
            if (flow.ui().methodNotSupported()) {
                return new SettingsOutcome.MethodUnavailable(method, Optional.empty());
            }
            return status == 200 && !flow.ui().hasErrors() ? new SettingsOutcome.Saved(flow) : new SettingsOutcome.NeedsInput(flow);
        }
        Optional<String> errorId = ErrorReader.id(response);
        if (status == 403 && errorId.filter("session_refresh_required"::equals).isPresent()) {
            return new SettingsOutcome.RefreshRequired(FlowResponses.error(response), FlowResponses.browserUrl(response), Optional.empty());
        }
        if (status == 403 && errorId.filter("session_aal2_required"::equals).isPresent()) {
            return new SettingsOutcome.SecondFactorRequired(FlowResponses.error(response), FlowResponses.browserUrl(response));
        }
        if (FlowResponses.methodDisabled(response, submitted.ui(), method)) {
            return new SettingsOutcome.MethodUnavailable(method, Optional.of(FlowResponses.error(response)));
        }
        if (status == 410) {
            return new SettingsOutcome.FlowExpired(FlowResponses.error(response), FlowResponses.replacement(body));
        }
        if (status == 422 || status == 303) {
            Optional<String> url = FlowResponses.browserUrl(response);
            if (url.isPresent()) {
                return new SettingsOutcome.BrowserRequired(url.get(), FlowResponses.error(response));
            }
        }
        throw FlowResponses.failure("settings submission", response);
    }
}
