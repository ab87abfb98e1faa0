package io.kratosflows.internal;

import io.kratosflows.testing.Samples;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.recovery.RecoveryOutcome;
import java.util.List;
import java.util.Map;
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
}
