package io.kratosflows.internal;

import io.kratosflows.testing.Samples;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kratosflows.ContinueWith;
import io.kratosflows.error.UnexpectedResponseException;
import io.kratosflows.registration.RegistrationOutcome;
import java.util.Optional;
import static org.junit.jupiter.api.Assertions.assertFalse;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.Traits;
import io.kratosflows.error.InvalidInputException;
import io.kratosflows.error.KratosErrorException;
import io.kratosflows.ui.Ui;
import io.kratosflows.registration.RegistrationFlow;
import io.kratosflows.registration.RegistrationMethod;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every registration outcome from a recorded Kratos v26.2.0 response (unified and two-step). */
class UpdateRegistrationFlowStepTest {

    private static RegistrationOutcome submitted(String fixture) {
        return UpdateRegistrationFlowStep.outcome(Wire.recorded(fixture), Samples.registration(), "password");
    }

    @Test
    void successCarriesIdentitySessionTokenAndVerificationFlow() {
        ObjectNode raw = (ObjectNode) Wire.recorded("registration/submit-password-success.200.json").json();

        var done = assertInstanceOf(RegistrationOutcome.Completed.class, submitted("registration/submit-password-success.200.json"));

        assertEquals(raw.path("identity").path("id").asText(), done.identity().id().value());
        assertEquals(raw.path("session_token").asText(), done.token().orElseThrow().reveal());
        assertTrue(done.session().isPresent());
        assertEquals(raw.at("/continue_with/0/flow/id").asText(), done.verificationFlow().orElseThrow().value());
        assertInstanceOf(ContinueWith.ShowVerificationUi.class, done.continueWith().get(0));
        assertInstanceOf(ContinueWith.SetSessionToken.class, done.continueWith().get(1));
        assertEquals("sent", done.identity().verifiableAddresses().get(0).status());
    }

    @Test
    void successWithoutTheSessionHookHasNoSession() {
        // Derived: without the session hook Kratos answers with the identity only.
        ObjectNode body = (ObjectNode) Wire.recorded("registration/submit-password-success.200.json").json();
        body.remove("session");
        body.remove("session_token");
        body.putNull("continue_with");

        var done = assertInstanceOf(RegistrationOutcome.Completed.class, UpdateRegistrationFlowStep.outcome(Wire.of(200, body.toString()), Samples.registration(), "password"));

        assertTrue(done.session().isEmpty());
        assertTrue(done.token().isEmpty());
        assertTrue(done.continueWith().isEmpty());
    }

    @Test
    void codeRegistrationSuccessTakesTheTokenFromTheBody() {
        var done = assertInstanceOf(RegistrationOutcome.Completed.class, submitted("registration/submit-code-success.200.json"));

        assertTrue(done.token().isPresent());
        assertEquals("code", done.session().orElseThrow().authenticationMethods().get(0).method());
    }

    @Test
    void weakPasswordAndDuplicateAddressNeedInput() {
        var tooShort = assertInstanceOf(RegistrationOutcome.NeedsInput.class, submitted("registration/submit-password-too-short.400.json"));
        var duplicate = assertInstanceOf(RegistrationOutcome.NeedsInput.class, submitted("registration/submit-password-duplicate.400.json"));

        assertTrue(tooShort.flow().ui().node("password").orElseThrow().messages().stream().anyMatch(m -> m.isError()));
        assertTrue(duplicate.flow().ui().hasErrors());
    }

    @Test
    void codeSentAndWrongCode() {
        assertInstanceOf(RegistrationOutcome.CodeSent.class, submitted("registration/submit-code-sent.400.json"));
        var wrong = assertInstanceOf(RegistrationOutcome.NeedsInput.class, submitted("registration/submit-code-wrong.400.json"));
        assertTrue(wrong.flow().ui().hasMessage(4040003));
    }

    @Test
    void twoStepProfileAcceptedMeansChooseMethod() {
        var choose = assertInstanceOf(RegistrationOutcome.ChooseMethod.class,
                submitted("registration-two-step/submit-profile-choose-method.400.json"));

        assertTrue(choose.flow().methods().contains("password"));
        assertTrue(choose.flow().ui().hasMessage(1040009));
    }

    @Test
    void twoStepBackShowsTheProfileFormAgain() {
        var back = assertInstanceOf(RegistrationOutcome.NeedsInput.class, submitted("registration-two-step/submit-profile-back.400.json"));

        assertTrue(back.flow().ui().node("traits.email").isPresent());
    }

    @Test
    void twoStepCompletes() {
        assertInstanceOf(RegistrationOutcome.Completed.class, submitted("registration-two-step/submit-password-success.200.json"));
    }

    @Test
    void expiredAndBrowserRequired() {
        var expired = assertInstanceOf(RegistrationOutcome.FlowExpired.class, submitted("registration/submit-expired.410.json"));
        var browser = assertInstanceOf(RegistrationOutcome.BrowserRequired.class, submitted("registration/submit-oidc-browser-required.422.json"));

        assertTrue(expired.replacement().isPresent());
        assertTrue(browser.redirectBrowserTo().startsWith("https://github.com/"));
    }

    @Test
    void identityWithoutIdIsUnexpected() {
        assertThrows(UnexpectedResponseException.class,
                () -> UpdateRegistrationFlowStep.outcome(Wire.of(200, "{\"identity\":{\"traits\":{}}}"), Samples.registration(), "password"));
    }

    private static final Traits ADA = Traits.email("ada@example.org");
    private static final String TRAITS = "\"traits\":{\"email\":\"ada@example.org\"}";

    @Test
    void everyMethodSendsExactlyItsFields() {
        Map<RegistrationMethod, String> bodies = new LinkedHashMap<>();
        bodies.put(new RegistrationMethod.Password(ADA, Secret.of("pw")), "{\"method\":\"password\"," + TRAITS + ",\"password\":\"pw\"}");
        bodies.put(RegistrationMethod.Code.request(ADA), "{\"method\":\"code\"," + TRAITS + "}");
        bodies.put(RegistrationMethod.Code.submit(ADA, Secret.of("123456")), "{\"method\":\"code\"," + TRAITS + ",\"code\":\"123456\"}");
        bodies.put(RegistrationMethod.Code.resend(ADA), "{\"method\":\"code\"," + TRAITS + ",\"resend\":\"code\"}");
        bodies.put(RegistrationMethod.Oidc.provider("github"), "{\"method\":\"oidc\",\"provider\":\"github\"}");
        bodies.put(new RegistrationMethod.Oidc("apple", java.util.Optional.of(ADA), java.util.Optional.of(Secret.of("eyJ")), java.util.Optional.of("n-1")),
                "{\"method\":\"oidc\",\"provider\":\"apple\"," + TRAITS + ",\"id_token\":\"eyJ\",\"id_token_nonce\":\"n-1\"}");
        bodies.put(RegistrationMethod.Oidc.idToken("apple", Secret.of("eyJ"), null),
                "{\"method\":\"oidc\",\"provider\":\"apple\",\"id_token\":\"eyJ\"}");
        bodies.put(new RegistrationMethod.Passkey(ADA, "{}"), "{\"method\":\"passkey\"," + TRAITS + ",\"passkey_register\":\"{}\"}");
        bodies.put(RegistrationMethod.Profile.submit(ADA), "{\"method\":\"profile\"," + TRAITS + "}");
        bodies.put(RegistrationMethod.Profile.back(ADA), "{\"method\":\"profile\"," + TRAITS + ",\"screen\":\"previous\"}");

        bodies.forEach((method, json) -> assertEquals(FakeCalls.tree(json), FakeCalls.json(UpdateRegistrationFlowStep.body(method)),
                method.toString()));
    }

    @Test
    void aMethodTheFlowDoesNotOfferIsAnsweredWithoutACall() {
        RegistrationFlow flow = FlowReader.registration(Wire.recorded("registration/create.200.json").json());

        var outcome = UpdateRegistrationFlowStep.run(FakeCalls.OFFLINE, flow, RegistrationMethod.Profile.submit(ADA));

        assertEquals("profile", assertInstanceOf(RegistrationOutcome.MethodUnavailable.class, outcome).method());
        assertThrows(InvalidInputException.class, () -> UpdateRegistrationFlowStep.run(FakeCalls.OFFLINE_VALIDATING, flow,
                new RegistrationMethod.Password(ADA, Secret.of(" "))));
    }

    @Test
    void runPostsTheBodyToTheFlowAndMapsTheAnswer() {
        var sent = FakeCalls.exchange("registration/submit-password-success.200.json",
                calls -> UpdateRegistrationFlowStep.run(calls, Samples.registration(), new RegistrationMethod.Password(ADA, Secret.of("pw"))));

        assertEquals("POST /self-service/registration?flow=" + Samples.ID.value(), sent.line());
        assertEquals(FakeCalls.tree("{\"method\":\"password\"," + TRAITS + ",\"password\":\"pw\"}"), sent.body());
        assertInstanceOf(RegistrationOutcome.Completed.class, sent.outcome());
    }

    @Test
    void theTokenComesFromTheBodyOrElseFromContinueWith() {
        ObjectNode body = (ObjectNode) Wire.recorded("registration/submit-password-success.200.json").json();
        String inContinueWith = body.at("/continue_with/1/ory_session_token").asText();
        body.put("session_token", "ory_st_fromBody");

        var fromBody = assertInstanceOf(RegistrationOutcome.Completed.class,
                UpdateRegistrationFlowStep.outcome(Wire.of(200, body.toString()), Samples.registration(), "password"));
        body.remove("session_token");
        var fromContinueWith = assertInstanceOf(RegistrationOutcome.Completed.class,
                UpdateRegistrationFlowStep.outcome(Wire.of(200, body.toString()), Samples.registration(), "password"));

        assertEquals("ory_st_fromBody", fromBody.token().orElseThrow().reveal());
        assertEquals(inContinueWith, fromContinueWith.token().orElseThrow().reveal());
    }

    @Test
    void anIdentityIsOnlyASuccessWithStatus200AndAFlowOnlyWith200Or400() {
        String success = Wire.body("registration/submit-password-success.200.json");
        String flow = Wire.body("registration/submit-password-too-short.400.json");

        assertThrows(UnexpectedResponseException.class, () -> UpdateRegistrationFlowStep.outcome(Wire.of(201, success), Samples.registration(), "password"));
        assertThrows(UnexpectedResponseException.class, () -> UpdateRegistrationFlowStep.outcome(Wire.of(500, flow), Samples.registration(), "password"));
        assertInstanceOf(RegistrationOutcome.NeedsInput.class, UpdateRegistrationFlowStep.outcome(Wire.of(200, flow), Samples.registration(), "password"));
    }

    @Test
    void theFlowsMessagesDecideBetweenUnavailableCodeSentAndChooseMethod() {
        ObjectNode sent = (ObjectNode) Wire.recorded("registration/submit-code-sent.400.json").json();
        sent.remove("state");
        var bySentMessage = UpdateRegistrationFlowStep.outcome(Wire.of(400, sent.toString()), Samples.registration(), "code");
        sent.put("state", "choose_method");
        ((ObjectNode) sent.path("ui")).putArray("messages").addObject().put("id", 4010003).put("type", "error").put("text", "x");
        var unsupported = UpdateRegistrationFlowStep.outcome(Wire.of(400, sent.toString()), Samples.registration(), "code");
        ((ObjectNode) sent.path("ui")).putArray("messages").addObject().put("id", 1040009).put("type", "info").put("text", "x");
        var choose = UpdateRegistrationFlowStep.outcome(Wire.of(400, sent.toString()), Samples.registration(), "code");

        assertInstanceOf(RegistrationOutcome.CodeSent.class, bySentMessage);
        assertTrue(assertInstanceOf(RegistrationOutcome.MethodUnavailable.class, unsupported).error().isEmpty());
        assertInstanceOf(RegistrationOutcome.ChooseMethod.class, choose);
    }
}
