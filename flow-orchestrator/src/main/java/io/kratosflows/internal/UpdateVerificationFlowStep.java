package io.kratosflows.internal;

import io.kratosflows.Secret;
import io.kratosflows.generated.api.FrontendApi;
import io.kratosflows.generated.model.UpdateVerificationFlowWithCodeMethod;
import io.kratosflows.verification.VerificationFlow;
import io.kratosflows.verification.VerificationMethod;
import io.kratosflows.verification.VerificationOutcome;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code updateVerificationFlow} ({@code POST /self-service/verification?flow=}): the code method's
 * body, the call, and the mapping of Kratos's answer to a {@link VerificationOutcome}. Success and a
 * wrong code are both HTTP 200.
 */
final class UpdateVerificationFlowStep {

    /** Message 1080003: verification code sent. */
    static final long CODE_SENT = 1080003L;
    /** Message 1080004: verification code sent by SMS (Kratos's development line). */
    static final long CODE_SENT_TO_PHONE = 1080004L;
    /** Message 4070006: verification code invalid or used. */
    static final long INVALID_CODE = 4070006L;

    static final FlowAnswers.Shared<VerificationOutcome> SHARED = new FlowAnswers.Shared<>(
            (error, replacement, expiredAt, since) -> new VerificationOutcome.FlowExpired(Optional.of(error), replacement,
                    expiredAt, since),
            null, // verification never hands over to a browser: a 422 is a failure
            VerificationOutcome.MethodUnavailable::new);

    private UpdateVerificationFlowStep() {
    }

    static VerificationOutcome run(Calls calls, VerificationFlow flow, VerificationMethod method) {
        Objects.requireNonNull(flow, "flow == null");
        calls.check(method);
        return FlowAnswers.notOffered(flow.ui(), method.method(), SHARED)
                .orElseGet(() -> outcome(calls.submit("submit verification flow", operation(flow, method)), flow, method.method()));
    }

    static FrontendApi.UpdateVerificationFlowCall operation(VerificationFlow flow, VerificationMethod method) {
        VerificationMethod.Code code = (VerificationMethod.Code) method;
        UpdateVerificationFlowWithCodeMethod body = new UpdateVerificationFlowWithCodeMethod()
                .method(UpdateVerificationFlowWithCodeMethod.MethodEnum.CODE);
        code.email().ifPresent(body::email);
        code.code().map(Secret::reveal).ifPresent(body::code);
        return FrontendApi.updateVerificationFlow().flow(flow.id().value()).body(body);
    }

    static VerificationOutcome outcome(KratosResponse response, VerificationFlow submitted, String method) {
        int status = response.status();
        if ((status == 200 || status == 400) && response.isFlow()) {
            return fromFlow(FlowAnswers.read("verification submission", response, FlowReader::verification), status);
        }
        if (status == 410 && response.errorIs("self_service_flow_replaced")) {
            return alreadyVerified(submitted, response)
                    ? new VerificationOutcome.AlreadyUsed(response.error(), FlowAnswers.replacement(response.json()))
                    : new VerificationOutcome.TooManyAttempts(response.error(), FlowAnswers.replacement(response.json()));
        }
        if (status == 303) {
            // Kratos answers a submission to an expired native verification flow with a redirect to a
            // new flow that is bound to a CSRF cookie: a native client cannot fetch it (403
            // security_csrf_violation), so no replacement is offered and restart() starts a new one.
            return new VerificationOutcome.FlowExpired(Optional.empty(), Optional.empty());
        }
        return FlowAnswers.shared("verification submission", response, submitted.ui(), method, SHARED);
    }

    /**
     * {@return whether a replaced flow had verified its address} Kratos gives "already verified" and
     * "too many attempts" the same 410 and tells them apart only in the reason ("please use the new
     * flow" against "please retry the flow", all versions seen); without either, the state of the
     * flow as the app submitted it decides ({@code passed_challenge} against {@code sent_email}).
     * The reason comes first: apps resubmit the flow object they have, whose state is the old one.
     */
    private static boolean alreadyVerified(VerificationFlow submitted, KratosResponse response) {
        String reason = Json.text(response.json().path("error"), "reason", "");
        if (reason.contains("use the new flow")) {
            return true;
        }
        if (reason.contains("retry the flow")) {
            return false;
        }
        return submitted.state().filter("passed_challenge"::equals).isPresent();
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
        boolean sent = flow.state().filter("sent_email"::equals).isPresent() || flow.ui().hasMessage(CODE_SENT)
                || flow.ui().hasMessage(CODE_SENT_TO_PHONE);
        return sent ? new VerificationOutcome.CodeSent(flow) : new VerificationOutcome.NeedsInput(flow);
    }
}
