package io.kratosflows.internal;

import io.kratosflows.testing.Samples;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.verification.VerificationOutcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Verification outcomes: success and a wrong code are both HTTP 200. */
class UpdateVerificationFlowStepTest {

    private static VerificationOutcome submitted(String fixture) {
        return UpdateVerificationFlowStep.outcome(Wire.recorded(fixture), Samples.verification(), "code");
    }

    @Test
    void codeSent() {
        var sent = assertInstanceOf(VerificationOutcome.CodeSent.class, submitted("verification/submit-email-code-sent.200.json"));

        assertTrue(sent.flow().ui().hasMessage(1080003));
    }

    @Test
    void wrongCodeIsHttp200ButInvalidCode() {
        var invalid = assertInstanceOf(VerificationOutcome.InvalidCode.class, submitted("verification/submit-code-wrong.200.json"));

        assertTrue(invalid.flow().ui().hasMessage(4070006));
    }

    @Test
    void rightCodeVerifies() {
        var verified = assertInstanceOf(VerificationOutcome.Verified.class, submitted("verification/submit-code-success.200.json"));

        assertEquals("passed_challenge", verified.flow().state().orElseThrow());
        assertTrue(verified.flow().ui().hasMessage(1080002));
    }

    @Test
    void aCompletedFlowIsAlreadyUsed() {
        var used = assertInstanceOf(VerificationOutcome.AlreadyUsed.class, submitted("verification/submit-code-again.410.json"));

        assertTrue(used.error().is("self_service_flow_replaced"));
        assertTrue(used.replacement().isPresent());
    }

    @Test
    void anExpiredFlowRedirectsToANewOne() {
        KratosResponse redirect = Wire.of(303, java.util.Map.of("Location", "http://127.0.0.1:4455/verification?flow=6f1d2c3b-0000-4000-8000-000000000002"), "");

        var expired = assertInstanceOf(VerificationOutcome.FlowExpired.class, UpdateVerificationFlowStep.outcome(redirect, Samples.verification(), "code"));

        assertTrue(expired.error().isEmpty());
        assertTrue(expired.replacement().isEmpty(), "the redirect's flow is bound to a browser cookie");
    }

    @Test
    void fetchingAnExpiredFlowIsATypedError() {
        var error = org.junit.jupiter.api.Assertions.assertThrows(io.kratosflows.error.KratosErrorException.class,
                () -> FlowAnswers.flow("fetch", Wire.recorded("verification/fetch-expired.410.json"), FlowReader::verification));

        assertEquals(410, error.status());
    }
}
