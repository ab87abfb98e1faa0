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

    @Test
    void createdFlowListsItsMethods() {
        var flow = FlowAnswers.flow("start", Wire.recorded("registration/create.200.json"), FlowReader::registration);

        assertEquals(Optional.empty(), flow.sessionTokenExchangeCode());
        assertTrue(flow.methods().containsAll(java.util.List.of("password", "code", "oidc")), flow.methods().toString());
    }
}
