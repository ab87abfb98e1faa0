package io.kratosflows.internal;

import io.kratosflows.ContinueWith;
import io.kratosflows.FlowId;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.error.KratosError;
import io.kratosflows.generated.api.FrontendApi;
import io.kratosflows.generated.model.UpdateRecoveryFlowWithCodeMethod;
import io.kratosflows.recovery.RecoveryFlow;
import io.kratosflows.recovery.RecoveryMethod;
import io.kratosflows.recovery.RecoveryOutcome;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code updateRecoveryFlow} ({@code POST /self-service/recovery?flow=}): the code method's body,
 * the call, and the mapping of Kratos's answer to a {@link RecoveryOutcome}. A wrong code is HTTP
 * 200, so shape and message ids decide.
 */
final class UpdateRecoveryFlowStep {

    /** Message 1060003: recovery code sent. */
    static final long CODE_SENT = 1060003L;
    /** Message 4060006: recovery code invalid or used. */
    static final long INVALID_CODE = 4060006L;
    static final String NO_TRANSITIONS_HINT = "Kratos answered a native recovery with a browser hand-over: enable "
            + "feature_flags.use_continue_with_transitions on the server so that it returns the session token "
            + "(continue_with set_ory_session_token) instead.";

    static final FlowAnswers.Shared<RecoveryOutcome> SHARED = new FlowAnswers.Shared<>(RecoveryOutcome.FlowExpired::new,
            (url, error) -> new RecoveryOutcome.BrowserRequired(url, error, NO_TRANSITIONS_HINT),
            RecoveryOutcome.MethodUnavailable::new);

    private UpdateRecoveryFlowStep() {
    }

    static RecoveryOutcome run(Calls calls, RecoveryFlow flow, RecoveryMethod method) {
        Objects.requireNonNull(flow, "flow == null");
        calls.check(method);
        return FlowAnswers.notOffered(flow.ui(), method.method(), SHARED)
                .orElseGet(() -> outcome(calls.submit("submit recovery flow", operation(flow, method)), flow, method.method()));
    }

    static FrontendApi.UpdateRecoveryFlowCall operation(RecoveryFlow flow, RecoveryMethod method) {
        RecoveryMethod.Code code = (RecoveryMethod.Code) method;
        UpdateRecoveryFlowWithCodeMethod body = new UpdateRecoveryFlowWithCodeMethod()
                .method(UpdateRecoveryFlowWithCodeMethod.MethodEnum.CODE);
        code.email().ifPresent(body::email);
        code.code().map(Secret::reveal).ifPresent(body::code);
        return FrontendApi.updateRecoveryFlow().flow(flow.id().value()).body(body);
    }

    static RecoveryOutcome outcome(KratosResponse response, RecoveryFlow submitted, String method) {
        int status = response.status();
        if ((status == 200 || status == 400) && response.isFlow()) {
            return fromFlow(FlowAnswers.read("recovery submission", response, FlowReader::recovery), status);
        }
        Optional<FlowId> recoveryUi = ContinueWithReader.first(FlowAnswers.continueWithInDetails(response.json()),
                ContinueWith.ShowRecoveryUi.class).map(ContinueWith.ShowRecoveryUi::flow);
        if (FlowAnswers.identityDisabled(response)) {
            return new RecoveryOutcome.IdentityDisabled(response.error(), recoveryUi);
        }
        if (status != 410 && response.isError() && recoveryUi.isPresent()) {
            // Five wrong codes: Kratos answers 400 and names a new flow in error.details.continue_with.
            return new RecoveryOutcome.TooManyAttempts(response.error(), recoveryUi);
        }
        if (status == 410 && recoveryUi.isPresent()) {
            // The new recovery flow is named in the details rather than as use_flow_id.
            return FlowAnswers.expired(response, (error, replacement, at, since) -> new RecoveryOutcome.FlowExpired(error,
                    recoveryUi, at, since));
        }
        if (status == 303) {
            Optional<FlowId> next = FlowAnswers.flowInLocation(response);
            if (next.isPresent()) {
                // Without continue-with transitions Kratos retries a native flow by redirecting to the new one.
                return new RecoveryOutcome.FlowExpired(redirectError(response), next);
            }
        }
        return FlowAnswers.shared("recovery submission", response, submitted.ui(), method, SHARED);
    }

    private static RecoveryOutcome fromFlow(RecoveryFlow flow, int status) {
        Optional<SessionToken> token = ContinueWithReader.sessionToken(flow.continueWith());
        Optional<FlowId> settings = ContinueWithReader.first(flow.continueWith(), ContinueWith.ShowSettingsUi.class)
                .map(ContinueWith.ShowSettingsUi::flow);
        if (status == 200 && token.isPresent()) {
            // Without a settings flow when recovery was started with skip_settings (Kratos's development line).
            return new RecoveryOutcome.Recovered(flow, token.get(), settings);
        }
        if (flow.ui().hasMessage(INVALID_CODE)) {
            return new RecoveryOutcome.InvalidCode(flow);
        }
        boolean sent = flow.state().filter("sent_email"::equals).isPresent() || flow.ui().hasMessage(CODE_SENT);
        return status == 200 && sent && !flow.ui().hasErrors() ? new RecoveryOutcome.CodeSent(flow) : new RecoveryOutcome.NeedsInput(flow);
    }

    private static KratosError redirectError(KratosResponse response) {
        return new KratosError(response.status(), Optional.empty(), Optional.of("redirected to a new recovery flow"),
                Optional.empty(), response.requestId(), Map.of());
    }
}
