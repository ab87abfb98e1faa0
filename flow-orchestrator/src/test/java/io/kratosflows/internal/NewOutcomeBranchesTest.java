package io.kratosflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kratosflows.FlowId;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.login.LoginFlow;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.settings.SettingsMethod;
import io.kratosflows.settings.SettingsOutcome;
import io.kratosflows.testing.Samples;
import io.kratosflows.verification.VerificationOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The branches mutation testing found unchecked in the expiry, settings and verification
 * dispatchers: the timing of a 410, the expired-flow error text, a settings answer that saved
 * nothing, and how a replaced verification flow is told apart.
 */
class NewOutcomeBranchesTest {

    private static final SessionToken TOKEN = SessionToken.of("ory_st_branches");

    private static String expired(String since) {
        return "{\"error\":{\"id\":\"self_service_flow_expired\",\"code\":410},\"use_flow_id\":\"n-1\","
                + "\"expired_at\":\"2026-11-28T01:21:56Z\",\"since\":" + since + "}";
    }

    @Test
    void theTimingOfAnExpiryIsKeptAndANegativeSinceIsNot() {
        var zero = assertInstanceOf(LoginOutcome.FlowExpired.class, UpdateLoginFlowStep.outcome(Wire.of(410, expired("0")), Samples.login(), "password"));
        var later = assertInstanceOf(LoginOutcome.FlowExpired.class,
                UpdateLoginFlowStep.outcome(Wire.of(410, expired("1500000000")), Samples.login(), "password"));
        var negative = assertInstanceOf(LoginOutcome.FlowExpired.class,
                UpdateLoginFlowStep.outcome(Wire.of(410, expired("-1")), Samples.login(), "password"));

        assertEquals(Optional.of(Duration.ZERO), zero.since());
        assertEquals(Optional.of(Duration.ofMillis(1500)), later.since());
        assertEquals(Optional.empty(), negative.since());
        assertEquals(Optional.of(Instant.parse("2026-11-28T01:21:56Z")), later.expiredAt());
        assertEquals(Optional.of(FlowId.of("n-1")), later.replacement());
    }

    @Test
    void anExpiredFlowCarriesTheTextOfItsValidationMessage() {
        ObjectNode body = (ObjectNode) Wire.recorded("login/submit-password-invalid-credentials.400.json").json();
        ArrayNode messages = ((ObjectNode) body.path("ui")).putArray("messages");
        messages.addObject().put("id", 1010014).put("type", "info").put("text", "another message");
        messages.addObject().put("id", UpdateLoginFlowStep.GENERIC_VALIDATION).put("type", "error").put("text", "the flow expired");
        LoginFlow past = Samples.login(Optional.of(TOKEN));
        past = new LoginFlow(past.id(), past.type(), past.state(), true, past.requestedAal(), Optional.of(Instant.now().minusSeconds(5)),
                past.issuedAt(), past.ui(), past.returnTo(), past.sessionTokenExchangeCode(), past.sessionToken());

        var expired = assertInstanceOf(LoginOutcome.FlowExpired.class, UpdateLoginFlowStep.outcome(Wire.of(400, body.toString()), past, "password"));

        assertEquals(Optional.of("the flow expired"), expired.error().message());
        assertTrue(expired.since().orElseThrow().compareTo(Duration.ofSeconds(4)) > 0);
    }

    /** {@return a recorded code-sent flow whose state does not say so and whose only message is this one} */
    private static KratosResponse sentByMessage(String fixture, long messageId) {
        ObjectNode body = (ObjectNode) Wire.recorded(fixture).json();
        body.put("state", "choose_method");
        ((ObjectNode) body.path("ui")).putArray("messages").addObject().put("id", messageId).put("type", "info").put("text", "sent");
        return Wire.of(Wire.recorded(fixture).status(), body.toString());
    }

    @Test
    void aReauthenticationCodeMessageMeansCodeSent() {
        var outcome = UpdateLoginFlowStep.outcome(sentByMessage("login/submit-code-sent.400.json",
                UpdateLoginFlowStep.CODE_SENT_REAUTHENTICATION), Samples.login(), "code");

        assertInstanceOf(LoginOutcome.CodeSent.class, outcome);
    }

    private static SettingsOutcome settings(ObjectNode body) {
        return UpdateSettingsFlowStep.outcome(Wire.of(200, body.toString()), Samples.settings(TOKEN), new SettingsMethod.Password(Secret.of("pw")));
    }

    private static ObjectNode unsaved() {
        ObjectNode body = (ObjectNode) Wire.recorded("settings/submit-password-success.200.json").json();
        body.put("state", "show_form");
        ((ObjectNode) body.path("ui")).putArray("messages");
        body.remove("continue_with");
        return body;
    }

    @Test
    void aSettingsAnswerIsSavedByStateOrByMessage() {
        ObjectNode byState = unsaved().put("state", "success");
        ObjectNode byMessage = unsaved();
        ((ArrayNode) byMessage.path("ui").path("messages")).addObject().put("id", UpdateSettingsFlowStep.SAVED).put("type", "success");

        assertInstanceOf(SettingsOutcome.Saved.class, settings(byState));
        assertInstanceOf(SettingsOutcome.Saved.class, settings(byMessage));
        assertInstanceOf(SettingsOutcome.NeedsInput.class, settings(unsaved()), "answered, nothing saved");
    }

    @Test
    void anUnsavedAddressChangeAsksForVerification() {
        ObjectNode body = unsaved();
        body.putArray("continue_with").addObject().put("action", "show_verification_ui").putObject("flow").put("id", "v-1")
                .put("verifiable_address", "new@example.org");

        var verify = assertInstanceOf(SettingsOutcome.VerificationRequired.class, settings(body));

        assertEquals(FlowId.of("v-1"), verify.verificationFlow());
        assertEquals(Optional.of("new@example.org"), verify.address());
    }

    private static VerificationOutcome replaced(String reason, Optional<String> submittedState) {
        String body = "{\"error\":{\"id\":\"self_service_flow_replaced\",\"code\":410,\"reason\":\"" + reason + "\"},\"use_flow_id\":\"n-1\"}";
        return UpdateVerificationFlowStep.outcome(Wire.of(410, body), Samples.verification(submittedState), "code");
    }

    @Test
    void aReplacedVerificationFlowIsToldApartByTheReasonThenByTheSubmittedState() {
        assertInstanceOf(VerificationOutcome.AlreadyUsed.class, replaced("The flow was replaced, please use the new flow.", Optional.empty()));
        assertInstanceOf(VerificationOutcome.TooManyAttempts.class,
                replaced("Too many attempts, please retry the flow.", Optional.of("passed_challenge")));
        assertInstanceOf(VerificationOutcome.AlreadyUsed.class, replaced("replaced", Optional.of("passed_challenge")));
        assertInstanceOf(VerificationOutcome.TooManyAttempts.class, replaced("replaced", Optional.of("sent_email")));
    }

    @Test
    void aVerificationCodeSentToAPhoneIsCodeSent() {
        var outcome = UpdateVerificationFlowStep.outcome(sentByMessage("verification/submit-email-code-sent.200.json",
                UpdateVerificationFlowStep.CODE_SENT_TO_PHONE), Samples.verification(), "code");

        assertInstanceOf(VerificationOutcome.CodeSent.class, outcome);
    }
}
