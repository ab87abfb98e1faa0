package io.kratosflows.internal;

import io.kratosflows.testing.Samples;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.verification.VerificationOutcome;
import java.util.List;
import java.util.Map;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.error.InvalidInputException;
import io.kratosflows.error.KratosErrorException;
import io.kratosflows.error.UnexpectedResponseException;
import io.kratosflows.verification.VerificationFlow;
import io.kratosflows.verification.VerificationMethod;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
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
    void theCodeMethodSendsTheAddressOrTheCode() {
        // The flow id travels as the query (runPostsTheCodeMethodToTheFlow); the body holds only the method's fields.
        for (var method : List.of(VerificationMethod.Code.request("ada@example.org"), VerificationMethod.Code.submit(Secret.of("123456")))) {
            String field = method.email().isPresent() ? "\"email\":\"ada@example.org\"" : "\"code\":\"123456\"";
            assertEquals(FakeCalls.tree("{\"method\":\"code\"," + field + "}"),
                    FakeCalls.json(UpdateVerificationFlowStep.operation(Samples.verification(), method).body()));
        }
    }

    @Test
    void aMethodTheFormLacksIsAnsweredWithoutACall() {
        var outcome = UpdateVerificationFlowStep.run(FakeCalls.OFFLINE, Samples.verification(Samples.form("link")), VerificationMethod.Code.submit(Secret.of("123456")));

        assertEquals("code", assertInstanceOf(VerificationOutcome.MethodUnavailable.class, outcome).method());
    }

    @Test
    void aPayloadIsCheckedBeforeTheCall() {
        assertThrows(InvalidInputException.class, () -> UpdateVerificationFlowStep.run(FakeCalls.OFFLINE_VALIDATING, Samples.verification(),
                VerificationMethod.Code.submit(Secret.of(" "))));
    }

    @Test
    void runPostsTheCodeMethodToTheFlow() {
        var sent = FakeCalls.exchange("verification/submit-code-success.200.json", calls -> UpdateVerificationFlowStep.run(calls, Samples.verification(), VerificationMethod.Code.submit(Secret.of("123456"))));

        assertEquals("POST /self-service/verification?flow=" + Samples.ID, sent.line());
        assertEquals(FakeCalls.tree("{\"method\":\"code\",\"code\":\"123456\"}"), sent.body());
        assertInstanceOf(VerificationOutcome.Verified.class, sent.outcome());
    }

    @Test
    void onlyA200WithoutErrorsVerifiesOrSendsACode() {
        String verified = Wire.body("verification/submit-code-success.200.json");
        ObjectNode withError = (ObjectNode) Wire.recorded("verification/submit-code-success.200.json").json();
        ((com.fasterxml.jackson.databind.node.ArrayNode) withError.path("ui").path("messages")).addObject().put("id", 4000001).put("type", "error");
        ObjectNode sentByMessage = (ObjectNode) Wire.recorded("verification/submit-email-code-sent.200.json").json();
        sentByMessage.put("state", "choose_method");
        ObjectNode neither = sentByMessage.deepCopy();
        ((ObjectNode) neither.path("ui")).putArray("messages");

        assertInstanceOf(VerificationOutcome.NeedsInput.class, UpdateVerificationFlowStep.outcome(Wire.of(400, verified), Samples.verification(), "code"));
        assertInstanceOf(VerificationOutcome.NeedsInput.class,
                UpdateVerificationFlowStep.outcome(Wire.of(200, withError.toString()), Samples.verification(), "code"));
        assertInstanceOf(VerificationOutcome.CodeSent.class,
                UpdateVerificationFlowStep.outcome(Wire.of(200, sentByMessage.toString()), Samples.verification(), "code"));
        assertInstanceOf(VerificationOutcome.NeedsInput.class,
                UpdateVerificationFlowStep.outcome(Wire.of(200, neither.toString()), Samples.verification(), "code"));
        assertThrows(UnexpectedResponseException.class, () -> UpdateVerificationFlowStep.outcome(Wire.of(500, verified), Samples.verification(), "code"));
    }

    @Test
    void anExpiredFlowIsFlowExpiredWithTheErrorAndA422IsAFailure() {
        var expired = UpdateVerificationFlowStep.outcome(Wire.of(410, "{\"error\":{\"id\":\"self_service_flow_expired\",\"code\":410},"
                + "\"use_flow_id\":\"n-1\"}"), Samples.verification(), "code");
        var e = assertThrows(KratosErrorException.class, () -> UpdateVerificationFlowStep.outcome(Wire.of(422,
                "{\"error\":{\"id\":\"browser_location_change_required\",\"code\":422},\"redirect_browser_to\":\"https://x\"}"),
                Samples.verification(), "code"));

        var flowExpired = assertInstanceOf(VerificationOutcome.FlowExpired.class, expired);
        assertTrue(flowExpired.error().orElseThrow().is("self_service_flow_expired"));
        assertEquals("n-1", flowExpired.replacement().orElseThrow().value());
        assertEquals(422, e.status());
        assertThrows(KratosErrorException.class, () -> UpdateVerificationFlowStep.outcome(
                Wire.of(400, "{\"error\":{\"id\":\"self_service_flow_replaced\",\"code\":400}}"), Samples.verification(), "code"));
    }
}
