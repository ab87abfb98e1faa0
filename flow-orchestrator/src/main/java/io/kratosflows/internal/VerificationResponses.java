package io.kratosflows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.kratosflows.verification.VerificationFlow;
import io.kratosflows.verification.VerificationOutcome;
import java.util.Optional;

/** The dispatchers of verification: success and a wrong code are both HTTP 200. */
public final class VerificationResponses {

    /** Message 1080003: verification code sent. */
    static final long CODE_SENT = 1080003L;
    /** Message 4070006: verification code invalid or used. */
    static final long INVALID_CODE = 4070006L;

    private VerificationResponses() {
    }

    /** {@return the flow of a start or fetch response, or throws for an error} */
    public static VerificationFlow flow(String what, WireResponse response) {
        return FlowResponses.flow(what, response, FlowReader::verification);
    }

    /** {@return the outcome of a submission} */
    public static VerificationOutcome submitted(WireResponse response) {
        JsonNode body = response.jsonOrMissing();
        int status = response.status();
        if ((status == 200 || status == 400) && FlowResponses.isFlow(body)) {
            return fromFlow(FlowReader.verification(body), status);
        }
        if (status == 410) {
            if (ErrorReader.id(response).filter("self_service_flow_replaced"::equals).isPresent()) {
                return new VerificationOutcome.AlreadyUsed(FlowResponses.error(response), FlowResponses.replacement(body));
            }
            return new VerificationOutcome.FlowExpired(Optional.of(FlowResponses.error(response)), FlowResponses.replacement(body));
        }
        if (status == 303) {
            // Kratos answers a submission to an expired native verification flow with a redirect to a
            // new flow that is bound to a CSRF cookie: a native client cannot fetch it (403
            // security_csrf_violation), so no replacement is offered and restart() starts a new one.
            return new VerificationOutcome.FlowExpired(Optional.empty(), Optional.empty());
        }
        throw FlowResponses.failure("verification submission", response);
    }

    private static VerificationOutcome fromFlow(VerificationFlow flow, int status) {
        if (flow.ui().hasMessage(INVALID_CODE)) {
            return new VerificationOutcome.InvalidCode(flow);
        }
        if (flow.ui().hasErrors() || status != 200) {
            return new VerificationOutcome.NeedsInput(flow);
        }
        if (flow.state().filter("passed_challenge"::equals).isPresent()) {
            return new VerificationOutcome.Verified(flow);
        }
        boolean sent = flow.state().filter("sent_email"::equals).isPresent() || flow.ui().hasMessage(CODE_SENT);
        return sent ? new VerificationOutcome.CodeSent(flow) : new VerificationOutcome.NeedsInput(flow);
    }
}
