package io.kratosflows.internal;

import io.kratosflows.testing.Samples;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.recovery.RecoveryOutcome;
import java.util.List;
import java.util.Map;
import static org.junit.jupiter.api.Assertions.assertThrows;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.error.InvalidInputException;
import io.kratosflows.error.KratosErrorException;
import io.kratosflows.error.UnexpectedResponseException;
import io.kratosflows.recovery.RecoveryFlow;
import io.kratosflows.recovery.RecoveryMethod;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Recovery outcomes: a wrong code is HTTP 200 and must not look like success. */
class UpdateRecoveryFlowStepTest {

    private static RecoveryOutcome submitted(String fixture) {
        return UpdateRecoveryFlowStep.outcome(Wire.recorded(fixture), Samples.recovery(), "code");
    }

    @Test
    void codeSent() {
        var sent = assertInstanceOf(RecoveryOutcome.CodeSent.class, submitted("recovery/submit-email-code-sent.200.json"));

        assertTrue(sent.flow().ui().hasMessage(1060003));
    }

    @Test
    void wrongCodeIsHttp200ButInvalidCode() {
        assertEquals(200, Wire.recorded("recovery/submit-code-wrong.200.json").status());

        var invalid = assertInstanceOf(RecoveryOutcome.InvalidCode.class, submitted("recovery/submit-code-wrong.200.json"));

        assertTrue(invalid.flow().ui().hasMessage(4060006));
    }

    @Test
    void rightCodeRecoversWithTokenAndSettingsFlow() {
        var raw = Wire.recorded("recovery/submit-code-success.200.json").json();

        var recovered = assertInstanceOf(RecoveryOutcome.Recovered.class, submitted("recovery/submit-code-success.200.json"));

        assertEquals(raw.at("/continue_with/0/ory_session_token").asText(), recovered.token().reveal());
        assertEquals(raw.at("/continue_with/1/flow/id").asText(), recovered.settingsFlow().orElseThrow().value());
        assertFalse(recovered.toString().contains(recovered.token().reveal()));
    }

    @Test
    void expiredFlowNamesTheNewOne() {
        var raw = Wire.recorded("recovery/submit-expired.410.json").json();

        var expired = assertInstanceOf(RecoveryOutcome.FlowExpired.class, submitted("recovery/submit-expired.410.json"));

        assertEquals(raw.at("/error/details/continue_with/0/flow/id").asText(), expired.replacement().orElseThrow().value());
    }

    @Test
    void tooManyCodesIsA400WithANewFlow() {
        // Shape from Kratos's retryRecoveryFlow (ErrCodeSubmittedTooOften + show_recovery_ui).
        String body = "{\"error\":{\"code\":400,\"status\":\"Bad Request\",\"reason\":\"The request was submitted too often. "
                + "Please request another code.\",\"message\":\"The request was malformed or contained invalid parameters\","
                + "\"details\":{\"continue_with\":[{\"action\":\"show_recovery_ui\",\"flow\":{\"id\":\"5e1c9a0e-8f1a-4c55-9e7c-0d0f0d0f0d0f\"}}]}}}";

        var retry = assertInstanceOf(RecoveryOutcome.TooManyAttempts.class, UpdateRecoveryFlowStep.outcome(Wire.of(400, body), Samples.recovery(), "code"));

        assertEquals("5e1c9a0e-8f1a-4c55-9e7c-0d0f0d0f0d0f", retry.replacement().orElseThrow().value());
    }

    @Test
    void withoutContinueWithTransitionsTheServerWantsABrowserAndTheHintSaysWhy() {
        // Shape of Kratos's NewBrowserLocationChangeRequiredError, which it sends when the feature flag is off.
        String body = "{\"error\":{\"id\":\"browser_location_change_required\",\"code\":422,\"status\":\"Unprocessable Entity\","
                + "\"reason\":\"In order to complete this flow please redirect the browser to: http://127.0.0.1:4455/settings?flow=abc\","
                + "\"message\":\"browser location change required\"},\"redirect_browser_to\":\"http://127.0.0.1:4455/settings?flow=abc\"}";

        var browser = assertInstanceOf(RecoveryOutcome.BrowserRequired.class, UpdateRecoveryFlowStep.outcome(Wire.of(422, body), Samples.recovery(), "code"));

        assertTrue(browser.hint().contains("use_continue_with_transitions"));
        assertEquals("http://127.0.0.1:4455/settings?flow=abc", browser.redirectBrowserTo());
    }

    @Test
    void legacyRetryRedirectNamesTheNewFlow() {
        KratosResponse redirect = Wire.of(303, java.util.Map.of("Location", "http://127.0.0.1:4433/self-service/recovery/flows?id=0b7a3c1e-0000-4000-8000-000000000001"), "");

        var expired = assertInstanceOf(RecoveryOutcome.FlowExpired.class, UpdateRecoveryFlowStep.outcome(redirect, Samples.recovery(), "code"));

        assertEquals("0b7a3c1e-0000-4000-8000-000000000001", expired.replacement().orElseThrow().value());
    }

    @Test
    void theCodeMethodSendsTheAddressOrTheCode() {
        var request = UpdateRecoveryFlowStep.operation(Samples.recovery(), RecoveryMethod.Code.request("ada@example.org"));
        var submit = UpdateRecoveryFlowStep.operation(Samples.recovery(), RecoveryMethod.Code.submit(Secret.of("123456")));

        assertEquals(Map.of("?flow", Samples.ID.value()), FakeCalls.sent(request));
        assertEquals(FakeCalls.tree("{\"method\":\"code\",\"email\":\"ada@example.org\"}"), FakeCalls.json(request.body()));
        assertEquals(FakeCalls.tree("{\"method\":\"code\",\"code\":\"123456\"}"), FakeCalls.json(submit.body()));
    }

    @Test
    void aMethodTheFormLacksIsAnsweredWithoutACall() {
        var outcome = UpdateRecoveryFlowStep.run(FakeCalls.OFFLINE, Samples.recovery(Samples.form("link")),
                RecoveryMethod.Code.request("ada@example.org"));

        assertEquals("code", assertInstanceOf(RecoveryOutcome.MethodUnavailable.class, outcome).method());
    }

    @Test
    void aPayloadIsCheckedBeforeTheCall() {
        assertThrows(InvalidInputException.class,
                () -> UpdateRecoveryFlowStep.run(FakeCalls.OFFLINE_VALIDATING, Samples.recovery(), RecoveryMethod.Code.request("no-address")));
    }

    @Test
    void runPostsTheCodeMethodToTheFlow() {
        var sent = FakeCalls.exchange("recovery/submit-email-code-sent.200.json", calls -> UpdateRecoveryFlowStep.run(calls, Samples.recovery(), RecoveryMethod.Code.request("ada@example.org")));

        assertEquals("POST /self-service/recovery?flow=" + Samples.ID, sent.line());
        assertEquals(FakeCalls.tree("{\"method\":\"code\",\"email\":\"ada@example.org\"}"), sent.body());
        assertInstanceOf(RecoveryOutcome.CodeSent.class, sent.outcome());
    }

    @Test
    void aRecoveredFlowNeedsStatus200AndAToken() {
        ObjectNode body = (ObjectNode) Wire.recorded("recovery/submit-code-success.200.json").json();

        assertInstanceOf(RecoveryOutcome.NeedsInput.class, UpdateRecoveryFlowStep.outcome(Wire.of(400, body.toString()), Samples.recovery(), "code"));
        ((com.fasterxml.jackson.databind.node.ArrayNode) body.path("continue_with")).remove(1);
        var withoutSettings = UpdateRecoveryFlowStep.outcome(Wire.of(200, body.toString()), Samples.recovery(), "code");
        assertTrue(assertInstanceOf(RecoveryOutcome.Recovered.class, withoutSettings).settingsFlow().isEmpty(), "skip_settings: no settings flow");
        ObjectNode noToken = (ObjectNode) Wire.recorded("recovery/submit-code-success.200.json").json();
        ((com.fasterxml.jackson.databind.node.ArrayNode) noToken.path("continue_with")).remove(0);
        assertInstanceOf(RecoveryOutcome.NeedsInput.class, UpdateRecoveryFlowStep.outcome(Wire.of(200, noToken.toString()), Samples.recovery(), "code"));
    }

    @Test
    void aSentCodeIsOnlyCodeSentWith200AndNoErrors() {
        String sent = Wire.body("recovery/submit-email-code-sent.200.json");
        ObjectNode byMessage = (ObjectNode) Wire.recorded("recovery/submit-email-code-sent.200.json").json();
        byMessage.remove("state");
        ObjectNode withError = byMessage.deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) withError.path("ui").path("messages")).addObject().put("id", 4000001).put("type", "error");

        assertInstanceOf(RecoveryOutcome.NeedsInput.class, UpdateRecoveryFlowStep.outcome(Wire.of(400, sent), Samples.recovery(), "code"));
        assertInstanceOf(RecoveryOutcome.CodeSent.class, UpdateRecoveryFlowStep.outcome(Wire.of(200, byMessage.toString()), Samples.recovery(), "code"));
        assertInstanceOf(RecoveryOutcome.NeedsInput.class, UpdateRecoveryFlowStep.outcome(Wire.of(200, withError.toString()), Samples.recovery(), "code"));
        assertThrows(UnexpectedResponseException.class, () -> UpdateRecoveryFlowStep.outcome(Wire.of(500, sent), Samples.recovery(), "code"));
    }

    @Test
    void aNewFlowInTheDetailsNeedsAnErrorEnvelopeAndA410NeedsTheNewFlow() {
        String continueWith = "\"details\":{\"continue_with\":[{\"action\":\"show_recovery_ui\",\"flow\":{\"id\":\"n-1\"}}]}";

        var expired = UpdateRecoveryFlowStep.outcome(Wire.of(410, "{\"error\":{\"id\":\"self_service_flow_expired\"," + continueWith + "}}"),
                Samples.recovery(), "code");
        var plain410 = UpdateRecoveryFlowStep.outcome(Wire.of(410, "{\"error\":{\"id\":\"self_service_flow_expired\",\"code\":410},"
                + "\"use_flow_id\":\"n-2\"}"), Samples.recovery(), "code");

        assertEquals("n-1", assertInstanceOf(RecoveryOutcome.FlowExpired.class, expired).replacement().orElseThrow().value());
        assertEquals("n-2", assertInstanceOf(RecoveryOutcome.FlowExpired.class, plain410).replacement().orElseThrow().value());
        assertThrows(UnexpectedResponseException.class,
                () -> UpdateRecoveryFlowStep.outcome(Wire.of(400, "{\"error\":null," + continueWith + "}"), Samples.recovery(), "code"));
    }

    @Test
    void aRedirectWithoutAFlowIsABrowserHandOver() {
        KratosResponse redirect = Wire.of(303, Map.of("Location", "https://app.example/recovered"), "");

        var browser = assertInstanceOf(RecoveryOutcome.BrowserRequired.class, UpdateRecoveryFlowStep.outcome(redirect, Samples.recovery(), "code"));

        assertEquals("https://app.example/recovered", browser.redirectBrowserTo());
        var expired = assertInstanceOf(RecoveryOutcome.FlowExpired.class, UpdateRecoveryFlowStep.outcome(
                Wire.of(303, Map.of("Location", "https://app.example/recovery?flow=n-3", "X-Request-Id", "r-1"), ""), Samples.recovery(), "code"));
        assertEquals(Optional.of("redirected to a new recovery flow"), expired.error().reason());
        assertEquals(Optional.of("r-1"), expired.error().requestId());
        assertEquals(303, expired.error().status());
    }
}
