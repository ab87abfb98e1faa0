package io.kratosflows.internal;

import io.kratosflows.testing.Samples;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kratosflows.Aal;
import io.kratosflows.SessionToken;
import io.kratosflows.error.KratosErrorException;
import io.kratosflows.error.UnexpectedResponseException;
import io.kratosflows.login.LoginFlow;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.testing.RecordedResponses;
import io.kratosflows.ui.NodeAttributes;
import io.kratosflows.Secret;
import io.kratosflows.error.InvalidInputException;
import io.kratosflows.login.LoginMethod;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every login outcome from a recorded Kratos v26.2.0 response, plus odd bodies. */
class UpdateLoginFlowStepTest {

    private static LoginOutcome submitted(String fixture) {
        return UpdateLoginFlowStep.outcome(Wire.recorded(fixture), Samples.login(), "password");
    }

    @Test
    void successIsCompletedWithSessionIdentityAndToken() {
        var completed = assertInstanceOf(LoginOutcome.Completed.class, submitted("login/submit-password-success.200.json"));

        assertTrue(completed.token().reveal().startsWith("ory_st_"));
        assertEquals(Aal.AAL1, completed.session().aal());
        assertEquals("password", completed.session().authenticationMethods().get(0).method());
        assertTrue(completed.session().identity().orElseThrow().traits().text("email").orElseThrow().endsWith("@example.org"));
    }

    @Test
    void invalidCredentialsNeedInputWithMessage4000006() {
        var needsInput = assertInstanceOf(LoginOutcome.NeedsInput.class, submitted("login/submit-password-invalid-credentials.400.json"));

        assertTrue(needsInput.flow().ui().hasMessage(4000006));
        assertTrue(needsInput.flow().ui().hasErrors());
    }

    @Test
    void codeSentIsAnOutcomeNotAnError() {
        var sent = assertInstanceOf(LoginOutcome.CodeSent.class, submitted("login/submit-code-sent.400.json"));

        assertEquals(Optional.of("sent_email"), sent.flow().state());
        assertTrue(sent.flow().ui().node("code").isPresent());
    }

    @Test
    void wrongCodeNeedsInputWithMessage4010008() {
        var needsInput = assertInstanceOf(LoginOutcome.NeedsInput.class, submitted("login/submit-code-wrong.400.json"));

        assertTrue(needsInput.flow().ui().hasMessage(4010008));
    }

    @Test
    void withheldIdentityMeansSecondFactorRequired() {
        // Derived from the recorded success: Kratos drops session.identity when the AAL is not satisfied.
        ObjectNode body = (ObjectNode) Wire.recorded("login/submit-password-success.200.json").json();
        ((ObjectNode) body.path("session")).remove("identity");

        var outcome = UpdateLoginFlowStep.outcome(Wire.of(200, body.toString()), Samples.login(), "password");

        var second = assertInstanceOf(LoginOutcome.SecondFactorRequired.class, outcome);
        assertTrue(second.session().identity().isEmpty());
        assertEquals(Aal.AAL1, second.session().aal());
    }

    @Test
    void expiredFlowCarriesTheReplacementId() {
        var expired = assertInstanceOf(LoginOutcome.FlowExpired.class, submitted("login/submit-expired.410.json"));

        assertTrue(expired.error().is("self_service_flow_expired"));
        assertEquals(Wire.recorded("login/submit-expired.410.json").json().path("use_flow_id").asText(),
                expired.replacement().orElseThrow().value());
    }

    @Test
    void oidcIsBrowserRequired() {
        var browser = assertInstanceOf(LoginOutcome.BrowserRequired.class, submitted("login/submit-oidc-browser-required.422.json"));

        assertTrue(browser.redirectBrowserTo().startsWith("https://github.com/login/oauth/authorize"));
        assertTrue(browser.error().is("browser_location_change_required"));
    }

    @Test
    void aRedirectIsBrowserRequiredWithItsLocation() {
        KratosResponse redirect = Wire.of(303, java.util.Map.of("Location", "https://app.example/cb?code=x"), "");

        var browser = assertInstanceOf(LoginOutcome.BrowserRequired.class, UpdateLoginFlowStep.outcome(redirect, Samples.login(), "password"));

        assertEquals("https://app.example/cb?code=x", browser.redirectBrowserTo());
    }

    @Test
    void unknownNodeTypeIsKeptRaw() {
        ObjectNode body = (ObjectNode) Wire.recorded("login/submit-password-invalid-credentials.400.json").json();
        ObjectNode node = (ObjectNode) body.path("ui").path("nodes").get(0);
        node.put("type", "video");
        ((ObjectNode) node.path("attributes")).put("node_type", "video").put("src", "https://example.org/v.mp4");

        var needsInput = assertInstanceOf(LoginOutcome.NeedsInput.class, UpdateLoginFlowStep.outcome(Wire.of(400, body.toString()), Samples.login(), "password"));

        var unknown = assertInstanceOf(NodeAttributes.Unknown.class, needsInput.flow().ui().nodes().get(0).attributes());
        assertEquals("video", unknown.nodeType());
        assertTrue(unknown.rawJson().contains("https://example.org/v.mp4"));
    }

    @Test
    void emptyOrNonJsonBodiesAreUnexpectedResponsesNotNullPointers() {
        var empty = assertThrows(UnexpectedResponseException.class, () -> UpdateLoginFlowStep.outcome(Wire.of(500, ""), Samples.login(), "password"));
        var html = assertThrows(UnexpectedResponseException.class,
                () -> UpdateLoginFlowStep.outcome(Wire.of(502, "<html>Bad gateway</html>"), Samples.login(), "password"));
        var truncated = assertThrows(UnexpectedResponseException.class,
                () -> UpdateLoginFlowStep.outcome(Wire.of(200, "{\"session_token\": \"ory_st_abc\", \"sess"), Samples.login(), "password"));

        assertEquals(500, empty.status());
        assertEquals("<empty>", empty.bodyExcerpt());
        assertFalse(html.bodyExcerpt().contains("Bad gateway"), "a body that is not JSON is not quoted");
        assertTrue(html.bodyExcerpt().contains("not JSON"), html.bodyExcerpt());
        assertFalse(truncated.getMessage().contains("ory_st_abc"), truncated.getMessage());
    }

    @Test
    void successWithoutSessionIsUnexpected() {
        assertThrows(UnexpectedResponseException.class,
                () -> UpdateLoginFlowStep.outcome(Wire.of(200, "{\"session_token\":\"ory_st_x\"}"), Samples.login(), "password"));
    }

    @Test
    void aDisabledMethodIsUnavailableButAnUnknownFlowIsAnError() {
        // Recorded from Kratos v26.2.0 with passkey disabled, and for a flow id that does not exist.
        String disabled = "{\"error\":{\"code\":404,\"status\":\"Not Found\",\"reason\":\"This endpoint was disabled by "
                + "system administrator. Please check your url or contact the system administrator to enable it.\","
                + "\"message\":\"The requested resource could not be found\"}}";
        String unknownFlow = "{\"error\":{\"code\":404,\"status\":\"Not Found\",\"message\":\"Unable to locate the resource\"}}";

        var unavailable = assertInstanceOf(LoginOutcome.MethodUnavailable.class,
                UpdateLoginFlowStep.outcome(Wire.of(404, disabled), Samples.login(), "passkey"));
        var error = assertThrows(KratosErrorException.class,
                () -> UpdateLoginFlowStep.outcome(Wire.of(404, unknownFlow), Samples.login(), "password"));

        assertEquals("passkey", unavailable.method());
        assertEquals(404, unavailable.error().orElseThrow().status());
        assertEquals(404, error.status());
    }

    @Test
    void noStrategyMessageIsUnavailable() {
        // Kratos's answer for a method it has no strategy for: 400 with the flow and message 4010002.
        ObjectNode body = (ObjectNode) Wire.recorded("login/submit-password-invalid-credentials.400.json").json();
        ObjectNode message = (ObjectNode) body.path("ui").path("messages").get(0);
        message.put("id", 4010002).put("text", "Could not find a strategy to log you in with.");

        var outcome = UpdateLoginFlowStep.outcome(Wire.of(400, body.toString()), Samples.login(), "passkey");

        assertTrue(assertInstanceOf(LoginOutcome.MethodUnavailable.class, outcome).error().isEmpty());
    }

    @Test
    void unverifiedAddressIsVerificationRequiredWithTheFlowKratosStarted() {
        // Recorded from Kratos v26.2.0 with the require_verified_address login hook.
        String body = "{\"error\":{\"id\":\"session_verified_address_required\",\"code\":403,\"status\":\"Forbidden\","
                + "\"reason\":\"Your account's email or phone address are not verified yet.\",\"details\":{\"continue_with\":"
                + "[{\"action\":\"show_verification_ui\",\"flow\":{\"id\":\"4fe6d78f-342a-43e1-b8d8-196dbc6eb25c\","
                + "\"verifiable_address\":\"ada@example.org\"}}]},\"message\":\"your email or phone address is not yet verified\"}}";

        var outcome = UpdateLoginFlowStep.outcome(Wire.of(403, body), Samples.login(), "password");

        var required = assertInstanceOf(LoginOutcome.VerificationRequired.class, outcome);
        assertEquals("4fe6d78f-342a-43e1-b8d8-196dbc6eb25c", required.verificationFlow().orElseThrow().value());
        assertEquals("ada@example.org", required.address().orElseThrow());
    }

    @Test
    void recordedSecondFactorLoginWithholdsTheIdentity() {
        var outcome = UpdateLoginFlowStep.outcome(Wire.recorded("login/submit-password-second-factor-required.200.json"), Samples.login(), "password");

        var second = assertInstanceOf(LoginOutcome.SecondFactorRequired.class, outcome);
        assertEquals(Aal.AAL1, second.session().aal());
    }

    @Test
    void totpAndLookupSecondFactorsComplete() {
        var totp = assertInstanceOf(LoginOutcome.Completed.class,
                UpdateLoginFlowStep.outcome(Wire.recorded("login/submit-totp-success.200.json"), Samples.login(), "password"));
        var lookup = assertInstanceOf(LoginOutcome.Completed.class,
                UpdateLoginFlowStep.outcome(Wire.recorded("login/submit-lookup-success.200.json"), Samples.login(), "password"));
        var wrong = assertInstanceOf(LoginOutcome.NeedsInput.class,
                UpdateLoginFlowStep.outcome(Wire.recorded("login/submit-totp-wrong-code.400.json"), Samples.login(), "password"));

        assertEquals(Aal.AAL2, totp.session().aal());
        assertEquals(Aal.AAL2, lookup.session().aal());
        assertTrue(wrong.flow().ui().hasMessage(4000008));
    }



    @Test
    void everyMethodSendsExactlyItsFields() {
        Map<LoginMethod, String> bodies = new java.util.LinkedHashMap<>();
        bodies.put(new LoginMethod.Password("ada@example.org", Secret.of("pw")),
                "{\"method\":\"password\",\"identifier\":\"ada@example.org\",\"password\":\"pw\"}");
        bodies.put(LoginMethod.Code.request("ada@example.org"), "{\"method\":\"code\",\"csrf_token\":null,\"identifier\":\"ada@example.org\"}");
        bodies.put(LoginMethod.Code.submit("ada@example.org", Secret.of("123456")),
                "{\"method\":\"code\",\"csrf_token\":null,\"identifier\":\"ada@example.org\",\"code\":\"123456\"}");
        bodies.put(LoginMethod.Code.resend("ada@example.org"),
                "{\"method\":\"code\",\"csrf_token\":null,\"identifier\":\"ada@example.org\",\"resend\":\"code\"}");
        bodies.put(LoginMethod.Oidc.provider("github"), "{\"method\":\"oidc\",\"provider\":\"github\"}");
        bodies.put(LoginMethod.Oidc.idToken("apple", Secret.of("eyJ"), "n-1"),
                "{\"method\":\"oidc\",\"provider\":\"apple\",\"id_token\":\"eyJ\",\"id_token_nonce\":\"n-1\"}");
        bodies.put(new LoginMethod.Passkey("{\"id\":\"c\"}"), "{\"method\":\"passkey\",\"passkey_login\":\"{\\\"id\\\":\\\"c\\\"}\"}");
        bodies.put(new LoginMethod.Totp(Secret.of("654321")), "{\"method\":\"totp\",\"totp_code\":\"654321\"}");
        bodies.put(new LoginMethod.LookupSecret(Secret.of("a1b2")), "{\"method\":\"lookup_secret\",\"lookup_secret\":\"a1b2\"}");
        bodies.put(new LoginMethod.IdentifierFirst("ada@example.org"),
                "{\"method\":\"identifier_first\",\"identifier\":\"ada@example.org\"}");

        bodies.forEach((method, json) -> assertEquals(FakeCalls.tree(json), FakeCalls.json(UpdateLoginFlowStep.body(method)), method.method()));
    }

    @Test
    void theOperationNamesTheFlowAndSendsTheFlowsToken() {
        var withToken = UpdateLoginFlowStep.operation(Samples.login(Optional.of(SessionToken.of("ory_st_t"))), new LoginMethod.Totp(Secret.of("1")));
        var without = UpdateLoginFlowStep.operation(Samples.login(), new LoginMethod.Totp(Secret.of("1")));

        assertEquals(Map.of("?flow", Samples.ID.value(), "X-Session-Token", "ory_st_t"), FakeCalls.sent(withToken));
        assertEquals(Map.of("?flow", Samples.ID.value()), FakeCalls.sent(without));
    }

    @Test
    void aMethodTheFlowDoesNotOfferIsAnsweredWithoutACall() {
        LoginFlow flow = FlowReader.login(Wire.recorded("login/create.200.json").json(), Optional.empty());

        var outcome = UpdateLoginFlowStep.run(FakeCalls.OFFLINE, flow, new LoginMethod.Totp(Secret.of("123456")));

        var unavailable = assertInstanceOf(LoginOutcome.MethodUnavailable.class, outcome);
        assertEquals("totp", unavailable.method());
        assertTrue(unavailable.error().isEmpty());
    }

    @Test
    void aPayloadIsCheckedBeforeTheCall() {
        assertThrows(InvalidInputException.class, () -> UpdateLoginFlowStep.run(FakeCalls.OFFLINE, Samples.login(), null));
        assertThrows(InvalidInputException.class,
                () -> UpdateLoginFlowStep.run(FakeCalls.OFFLINE_VALIDATING, Samples.login(), new LoginMethod.Password(" ", Secret.of("pw"))));
        assertThrows(NullPointerException.class,
                () -> UpdateLoginFlowStep.run(FakeCalls.OFFLINE, null, new LoginMethod.Password("a", Secret.of("pw"))));
    }

    @Test
    void runPostsTheBodyToTheFlowAndMapsTheAnswer() {
        var sent = FakeCalls.exchange("login/submit-password-success.200.json",
                calls -> UpdateLoginFlowStep.run(calls, Samples.login(), new LoginMethod.Password("ada@example.org", Secret.of("pw"))));

        assertEquals("POST /self-service/login?flow=" + Samples.ID.value(), sent.line());
        assertEquals(FakeCalls.tree("{\"method\":\"password\",\"identifier\":\"ada@example.org\",\"password\":\"pw\"}"),
                sent.body());
        assertInstanceOf(LoginOutcome.Completed.class, sent.outcome());
    }

    @Test
    void aSentCodeWithAnErrorNeedsInput() {
        ObjectNode body = (ObjectNode) Wire.recorded("login/submit-code-sent.400.json").json();
        ((com.fasterxml.jackson.databind.node.ArrayNode) body.path("ui").path("messages"))
                .addObject().put("id", 4000002).put("type", "error").put("text", "x");

        assertInstanceOf(LoginOutcome.NeedsInput.class, UpdateLoginFlowStep.outcome(Wire.of(400, body.toString()), Samples.login(), "code"));
    }

    @Test
    void theCodeSentMessageAloneMeansCodeSent() {
        ObjectNode body = (ObjectNode) Wire.recorded("login/submit-code-sent.400.json").json();
        body.remove("state");

        assertInstanceOf(LoginOutcome.CodeSent.class, UpdateLoginFlowStep.outcome(Wire.of(400, body.toString()), Samples.login(), "code"));
        body.put("state", "choose_method");
        ((ObjectNode) body.path("ui")).putArray("messages");
        assertInstanceOf(LoginOutcome.NeedsInput.class, UpdateLoginFlowStep.outcome(Wire.of(400, body.toString()), Samples.login(), "code"));
    }

    @Test
    void aFlowBodyWithAnotherStatusIsNoOutcome() {
        String flow = Wire.body("login/submit-password-invalid-credentials.400.json");

        assertThrows(UnexpectedResponseException.class, () -> UpdateLoginFlowStep.outcome(Wire.of(500, flow), Samples.login(), "password"));
        assertInstanceOf(LoginOutcome.NeedsInput.class, UpdateLoginFlowStep.outcome(Wire.of(200, flow), Samples.login(), "password"));
    }

    @Test
    void aTokenIsOnlyASuccessWithStatus200() {
        String success = Wire.body("login/submit-password-success.200.json");

        assertThrows(UnexpectedResponseException.class, () -> UpdateLoginFlowStep.outcome(Wire.of(201, success), Samples.login(), "password"));
    }


    @Test
    void anotherForbiddenIsNoVerificationRequest() {
        assertThrows(KratosErrorException.class, () -> UpdateLoginFlowStep.outcome(
                Wire.of(403, "{\"error\":{\"id\":\"security_csrf_violation\",\"code\":403}}"), Samples.login(), "password"));
        assertThrows(KratosErrorException.class, () -> UpdateLoginFlowStep.outcome(
                Wire.of(400, "{\"error\":{\"id\":\"session_verified_address_required\",\"code\":400}}"), Samples.login(), "password"));
    }

    @Test
    void aVerificationRequestWithoutFlowNamesNone() {
        var required = assertInstanceOf(LoginOutcome.VerificationRequired.class, UpdateLoginFlowStep.outcome(
                Wire.of(403, "{\"error\":{\"id\":\"session_verified_address_required\",\"code\":403}}"), Samples.login(), "password"));

        assertTrue(required.verificationFlow().isEmpty());
        assertTrue(required.address().isEmpty());
        assertEquals(List.of(), FlowAnswers.continueWithInDetails(Wire.of(403, "{}").json()));
    }
}
