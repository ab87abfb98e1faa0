package io.kratosflows.contract;

import static io.kratosflows.contract.PactSupport.CODE;
import static io.kratosflows.contract.PactSupport.CONSUMER;
import static io.kratosflows.contract.PactSupport.EMAIL;
import static io.kratosflows.contract.PactSupport.FLOW_ID;
import static io.kratosflows.contract.PactSupport.IDENTITY_ID;
import static io.kratosflows.contract.PactSupport.NEW_FLOW_ID;
import static io.kratosflows.contract.PactSupport.OTHER_FLOW_ID;
import static io.kratosflows.contract.PactSupport.PASSWORD;
import static io.kratosflows.contract.PactSupport.PROVIDER;
import static io.kratosflows.contract.PactSupport.S_CODE;
import static io.kratosflows.contract.PactSupport.S_EMAIL;
import static io.kratosflows.contract.PactSupport.S_FLOW_ID;
import static io.kratosflows.contract.PactSupport.TOKEN;
import static io.kratosflows.contract.PactSupport.TOKEN_REGEX;
import static io.kratosflows.contract.PactSupport.WRONG_CODE;
import static io.kratosflows.contract.PactSupport.acceptsJson;
import static io.kratosflows.contract.PactSupport.error;
import static io.kratosflows.contract.PactSupport.flow;
import static io.kratosflows.contract.PactSupport.identity;
import static io.kratosflows.contract.PactSupport.kratos;
import static io.kratosflows.contract.PactSupport.session;
import static io.kratosflows.contract.PactSupport.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonArray;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.kratosflows.ContinueWith;
import io.kratosflows.FlowId;
import io.kratosflows.Kratos;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.Traits;
import io.kratosflows.registration.RegistrationFlow;
import io.kratosflows.registration.RegistrationMethod;
import io.kratosflows.registration.RegistrationOutcome;
import io.kratosflows.testing.Samples;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pins what kratos-flows relies on in Kratos's native registration: starting, fetching, one-step
 * password and code sign-up (with {@code continue_with}), validation errors, duplicates, social
 * hand-over, expiry, and the two-step ({@code profile_first}) profile step.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class RegistrationPactTest {

    private static final Map<String, Object> NEW_USER = Map.of("email", EMAIL);
    private static final Traits TRAITS = Traits.email(EMAIL);

    private static PactDslJsonBody traits(PactDslJsonBody body) {
        return (PactDslJsonBody) body.object("traits").valueFromProviderState("email", S_EMAIL, EMAIL).closeObject();
    }

    private static PactDslJsonBody passwordBody(String password) {
        return traits(new PactDslJsonBody().stringValue("method", "password").stringValue("password", password));
    }

    private static PactDslJsonBody codeBody() {
        return traits(new PactDslJsonBody().stringValue("method", "code"));
    }

    @Pact(consumer = CONSUMER)
    V4Pact startRegistration(PactDslWithProvider builder) {
        return acceptsJson(builder.given(ProviderStates.KRATOS_IS_RUNNING)
                .uponReceiving("start a native registration flow")
                .path("/self-service/registration/api").method("GET"))
                .willRespondWith().status(200)
                .body(flow("registration").input("default", "traits.email").input("password", "password").build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "startRegistration")
    void startReturnsAFlowAskingForTraitsAndPassword(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            RegistrationFlow flow = kratos.registration().start();

            assertEquals(FLOW_ID, flow.id().value());
            assertTrue(flow.ui().node("traits.email").isPresent());
            assertTrue(flow.methods().contains("password"), flow.methods()::toString);
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact fetchRegistration(PactDslWithProvider builder) {
        return acceptsJson(builder.given(ProviderStates.REGISTRATION_FLOW, NEW_USER)
                .uponReceiving("fetch a registration flow by id")
                .path("/self-service/registration/flows").method("GET")
                .queryParameterFromProviderState("id", S_FLOW_ID, FLOW_ID))
                .willRespondWith().status(200)
                .body(flow("registration").input("default", "traits.email").build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "fetchRegistration")
    void fetchReturnsTheFlow(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            RegistrationFlow flow = kratos.registration().fetch(FlowId.of(FLOW_ID));

            assertEquals(FLOW_ID, flow.id().value());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact passwordRegistration(PactDslWithProvider builder) {
        PactDslJsonBody body = new PactDslJsonBody().stringMatcher("session_token", TOKEN_REGEX, TOKEN);
        identity(body, "identity");
        session(body, "session", "aal1", true);
        PactDslJsonArray continueWith = (PactDslJsonArray) body.arrayContaining("continue_with");
        continueWith.object().stringValue("action", "show_verification_ui")
                .object("flow").uuid("id", OTHER_FLOW_ID).stringType("verifiable_address", EMAIL).closeObject()
                .closeObject();
        continueWith.object().stringValue("action", "set_ory_session_token")
                .stringMatcher("ory_session_token", TOKEN_REGEX, TOKEN).closeObject();
        continueWith.closeArray();
        return submit(builder.given(ProviderStates.REGISTRATION_FLOW, NEW_USER)
                .uponReceiving("register with traits and a strong password")
                .path("/self-service/registration"), passwordBody(PASSWORD))
                .willRespondWith().status(200)
                .body(body)
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "passwordRegistration")
    void passwordRegistrationCompletesWithSessionAndVerificationFlow(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            RegistrationOutcome outcome = kratos.registration().submit(Samples.registration(),
                    new RegistrationMethod.Password(TRAITS, Secret.of(PASSWORD)));

            RegistrationOutcome.Completed done = assertInstanceOf(RegistrationOutcome.Completed.class, outcome);
            assertEquals(IDENTITY_ID, done.identity().id().value());
            assertEquals(Optional.of(SessionToken.of(TOKEN)), done.token());
            assertTrue(done.session().isPresent());
            assertEquals(Optional.of(FlowId.of(OTHER_FLOW_ID)), done.verificationFlow());
            assertTrue(done.continueWith().stream().anyMatch(ContinueWith.SetSessionToken.class::isInstance));
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact tooShortPassword(PactDslWithProvider builder) {
        return submit(builder.given(ProviderStates.REGISTRATION_FLOW, NEW_USER)
                .uponReceiving("register with a too short password")
                .path("/self-service/registration"), passwordBody("short"))
                .willRespondWith().status(400)
                .body(flow("registration").inputMessage("password", 4000032, "error").build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "tooShortPassword")
    void tooShortPasswordNeedsInput(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            RegistrationOutcome outcome = kratos.registration().submit(Samples.registration(),
                    new RegistrationMethod.Password(TRAITS, Secret.of("short")));

            RegistrationOutcome.NeedsInput needs = assertInstanceOf(RegistrationOutcome.NeedsInput.class, outcome);
            assertTrue(needs.flow().ui().hasMessage(4000032));
            assertEquals(1, needs.flow().ui().node("password").orElseThrow().messages().size());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact duplicateRegistration(PactDslWithProvider builder) {
        return submit(builder.given(ProviderStates.REGISTRATION_FLOW_EMAIL_TAKEN, Map.of("email", EMAIL, "password", PASSWORD))
                .uponReceiving("register an email that is already taken")
                .path("/self-service/registration"), passwordBody(PASSWORD))
                .willRespondWith().status(400)
                .body(flow("registration").message(4000007, "error").build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "duplicateRegistration")
    void duplicateNeedsInput(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            RegistrationOutcome outcome = kratos.registration().submit(Samples.registration(),
                    new RegistrationMethod.Password(TRAITS, Secret.of(PASSWORD)));

            RegistrationOutcome.NeedsInput needs = assertInstanceOf(RegistrationOutcome.NeedsInput.class, outcome);
            assertTrue(needs.flow().ui().hasMessage(4000007));
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact requestRegistrationCode(PactDslWithProvider builder) {
        return submit(builder.given(ProviderStates.REGISTRATION_FLOW, NEW_USER)
                .uponReceiving("ask a registration flow to send a code")
                .path("/self-service/registration"), codeBody())
                .willRespondWith().status(400)
                .body(flow("registration").state("sent_email").input("code", "code").message(1040005, "info").build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "requestRegistrationCode")
    void codeRequestIsCodeSent(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            RegistrationOutcome outcome = kratos.registration().submit(Samples.registration(), RegistrationMethod.Code.request(TRAITS));

            RegistrationOutcome.CodeSent sent = assertInstanceOf(RegistrationOutcome.CodeSent.class, outcome);
            assertEquals(Optional.of("sent_email"), sent.flow().state());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact submitRegistrationCode(PactDslWithProvider builder) {
        PactDslJsonBody body = new PactDslJsonBody().stringMatcher("session_token", TOKEN_REGEX, TOKEN);
        identity(body, "identity");
        session(body, "session", "aal1", true);
        return submit(builder.given(ProviderStates.REGISTRATION_CODE_SENT, NEW_USER)
                .uponReceiving("submit the right registration code")
                .path("/self-service/registration"), codeBody().valueFromProviderState("code", S_CODE, CODE))
                .willRespondWith().status(200)
                .body(body)
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "submitRegistrationCode")
    void rightCodeCompletes(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            RegistrationOutcome outcome = kratos.registration().submit(Samples.registration(),
                    RegistrationMethod.Code.submit(TRAITS, Secret.of(CODE)));

            RegistrationOutcome.Completed done = assertInstanceOf(RegistrationOutcome.Completed.class, outcome);
            assertEquals(Optional.of(SessionToken.of(TOKEN)), done.token());
            assertEquals(IDENTITY_ID, done.identity().id().value());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact submitWrongRegistrationCode(PactDslWithProvider builder) {
        return submit(builder.given(ProviderStates.REGISTRATION_CODE_SENT, NEW_USER)
                .uponReceiving("submit a wrong registration code")
                .path("/self-service/registration"), codeBody().stringValue("code", WRONG_CODE))
                .willRespondWith().status(400)
                .body(flow("registration").message(4040003, "error").build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "submitWrongRegistrationCode")
    void wrongCodeNeedsInput(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            RegistrationOutcome outcome = kratos.registration().submit(Samples.registration(),
                    RegistrationMethod.Code.submit(TRAITS, Secret.of(WRONG_CODE)));

            RegistrationOutcome.NeedsInput needs = assertInstanceOf(RegistrationOutcome.NeedsInput.class, outcome);
            assertTrue(needs.flow().ui().hasMessage(4040003));
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact oidcRegistration(PactDslWithProvider builder) {
        return submit(builder.given(ProviderStates.REGISTRATION_FLOW, NEW_USER)
                .uponReceiving("choose a social sign-up provider in a registration flow")
                .path("/self-service/registration"), new PactDslJsonBody().stringValue("method", "oidc").stringValue("provider", "github"))
                .willRespondWith().status(422)
                .body(error("browser_location_change_required", 422,
                        b -> b.stringMatcher("redirect_browser_to", "https?://.+", "https://github.com/login/oauth/authorize?state=x")))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "oidcRegistration")
    void socialSignUpNeedsABrowser(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            RegistrationOutcome outcome = kratos.registration().submit(Samples.registration(), RegistrationMethod.Oidc.provider("github"));

            RegistrationOutcome.BrowserRequired browser = assertInstanceOf(RegistrationOutcome.BrowserRequired.class, outcome);
            assertEquals("https://github.com/login/oauth/authorize?state=x", browser.redirectBrowserTo());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact expiredRegistration(PactDslWithProvider builder) {
        return submit(builder.given(ProviderStates.EXPIRED_REGISTRATION_FLOW)
                .uponReceiving("submit a password to an expired registration flow")
                .path("/self-service/registration"), (PactDslJsonBody) new PactDslJsonBody().stringValue("method", "password")
                        .stringValue("password", PASSWORD).object("traits").stringValue("email", EMAIL).closeObject())
                .willRespondWith().status(410)
                .body(error("self_service_flow_expired", 410, b -> b.uuid("use_flow_id", NEW_FLOW_ID)))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "expiredRegistration")
    void expiredFlowNamesItsReplacement(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            RegistrationOutcome outcome = kratos.registration().submit(Samples.registration(),
                    new RegistrationMethod.Password(TRAITS, Secret.of(PASSWORD)));

            RegistrationOutcome.FlowExpired expired = assertInstanceOf(RegistrationOutcome.FlowExpired.class, outcome);
            assertEquals(Optional.of(FlowId.of(NEW_FLOW_ID)), expired.replacement());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact twoStepProfile(PactDslWithProvider builder) {
        return submit(builder.given(ProviderStates.TWO_STEP_REGISTRATION_FLOW, NEW_USER)
                .uponReceiving("submit the profile step of a two-step registration")
                .path("/self-service/registration"), traits(new PactDslJsonBody().stringValue("method", "profile")))
                .willRespondWith().status(400)
                .body(flow("registration").input("password", "password").message(1040009, "info").build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "twoStepProfile")
    void acceptedProfileAsksToChooseACredential(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            RegistrationOutcome outcome = kratos.registration().submit(Samples.registration(), RegistrationMethod.Profile.submit(TRAITS));

            RegistrationOutcome.ChooseMethod choose = assertInstanceOf(RegistrationOutcome.ChooseMethod.class, outcome);
            assertTrue(choose.flow().methods().contains("password"), choose.flow().methods()::toString);
            assertFalse(choose.flow().ui().hasErrors());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact twoStepBack(PactDslWithProvider builder) {
        return submit(builder.given(ProviderStates.TWO_STEP_PROFILE_ACCEPTED, NEW_USER)
                .uponReceiving("go back from choosing a credential to the profile step")
                .path("/self-service/registration"),
                traits(new PactDslJsonBody().stringValue("method", "profile").stringValue("screen", "previous")))
                .willRespondWith().status(400)
                .body(flow("registration").input("default", "traits.email").input("profile", "method").build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "twoStepBack")
    void goingBackShowsTheProfileForm(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            RegistrationOutcome outcome = kratos.registration().submit(Samples.registration(), RegistrationMethod.Profile.back(TRAITS));

            RegistrationOutcome.NeedsInput form = assertInstanceOf(RegistrationOutcome.NeedsInput.class, outcome);
            assertTrue(form.flow().methods().contains("profile"), form.flow().methods()::toString);
            assertFalse(form.flow().ui().hasErrors());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact twoStepPassword(PactDslWithProvider builder) {
        PactDslJsonBody body = new PactDslJsonBody().stringMatcher("session_token", TOKEN_REGEX, TOKEN);
        identity(body, "identity");
        return submit(builder.given(ProviderStates.TWO_STEP_PROFILE_ACCEPTED, NEW_USER)
                .uponReceiving("choose a password after the profile step of a two-step registration")
                .path("/self-service/registration"), passwordBody(PASSWORD))
                .willRespondWith().status(200)
                .body(body)
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "twoStepPassword")
    void passwordAfterProfileCompletes(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            RegistrationOutcome outcome = kratos.registration().submit(Samples.registration(),
                    new RegistrationMethod.Password(TRAITS, Secret.of(PASSWORD)));

            RegistrationOutcome.Completed done = assertInstanceOf(RegistrationOutcome.Completed.class, outcome);
            assertEquals(Optional.of(SessionToken.of(TOKEN)), done.token());
        }
    }
}
