package io.kratosflows.contract;

import static io.kratosflows.contract.PactSupport.CONSUMER;
import static io.kratosflows.contract.PactSupport.EMAIL;
import static io.kratosflows.contract.PactSupport.FLOW_ID;
import static io.kratosflows.contract.PactSupport.IDENTITY_ID;
import static io.kratosflows.contract.PactSupport.LOOKUP_CODE;
import static io.kratosflows.contract.PactSupport.NEW_FLOW_ID;
import static io.kratosflows.contract.PactSupport.PASSWORD;
import static io.kratosflows.contract.PactSupport.PROVIDER;
import static io.kratosflows.contract.PactSupport.CODE;
import static io.kratosflows.contract.PactSupport.S_CODE;
import static io.kratosflows.contract.PactSupport.S_EMAIL;
import static io.kratosflows.contract.PactSupport.S_FLOW_ID;
import static io.kratosflows.contract.PactSupport.S_LOOKUP;
import static io.kratosflows.contract.PactSupport.S_PASSWORD;
import static io.kratosflows.contract.PactSupport.S_TOTP;
import static io.kratosflows.contract.PactSupport.TOKEN;
import static io.kratosflows.contract.PactSupport.TOKEN_REGEX;
import static io.kratosflows.contract.PactSupport.WRONG_CODE;
import static io.kratosflows.contract.PactSupport.acceptsJson;
import static io.kratosflows.contract.PactSupport.error;
import static io.kratosflows.contract.PactSupport.flow;
import static io.kratosflows.contract.PactSupport.kratos;
import static io.kratosflows.contract.PactSupport.session;
import static io.kratosflows.contract.PactSupport.submit;
import static io.kratosflows.contract.PactSupport.withToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.kratosflows.Aal;
import io.kratosflows.Kratos;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.error.KratosErrorException;
import io.kratosflows.login.LoginFlow;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOptions;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.testing.Samples;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pins what kratos-flows relies on in Kratos's native login: starting (plain, refresh, aal2,
 * with a session), fetching, and every submission outcome the orchestrator maps (completed,
 * invalid credentials, code sent, second factor, expiry, browser hand-over).
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class LoginPactTest {

    private static final Map<String, Object> ADA = Map.of("email", EMAIL, "password", PASSWORD);

    // ---- start and fetch ---------------------------------------------------------------------

    @Pact(consumer = CONSUMER)
    V4Pact startLogin(PactDslWithProvider builder) {
        return acceptsJson(builder.given(ProviderStates.KRATOS_IS_RUNNING)
                .uponReceiving("start a native login flow")
                .path("/self-service/login/api").method("GET"))
                .willRespondWith().status(200)
                .body(flow("login").with(b -> b.booleanValue("refresh", false).stringValue("requested_aal", "aal1"))
                        .input("default", "identifier").input("password", "password").build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "startLogin")
    void startReturnsAFlowOfferingPassword(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            LoginFlow flow = kratos.login().start();

            assertEquals(FLOW_ID, flow.id().value());
            assertEquals("api", flow.type());
            assertEquals(Aal.AAL1, flow.requestedAal());
            assertTrue(flow.methods().contains("password"), flow.methods()::toString);
            assertTrue(flow.ui().node("identifier").isPresent());
            assertTrue(flow.expiresAt().isPresent());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact startRefreshLogin(PactDslWithProvider builder) {
        return withToken(acceptsJson(builder.given(ProviderStates.SESSION, ADA)
                .uponReceiving("start a refresh login flow with the session token")
                .path("/self-service/login/api").method("GET").query("refresh=true")))
                .willRespondWith().status(200)
                .body(flow("login").with(b -> b.booleanValue("refresh", true).stringValue("requested_aal", "aal1"))
                        .input("password", "password").message(1010003, "info").build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "startRefreshLogin")
    void refreshFlowKeepsTheToken(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            LoginFlow flow = kratos.login().start(LoginOptions.refresh(SessionToken.of(TOKEN)));

            assertTrue(flow.refresh());
            assertEquals(Optional.of(SessionToken.of(TOKEN)), flow.sessionToken());
            assertTrue(flow.ui().hasMessage(1010003));
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact startSecondFactorLogin(PactDslWithProvider builder) {
        return withToken(acceptsJson(builder.given(ProviderStates.SESSION_WITH_TOTP, ADA)
                .uponReceiving("start an aal2 login flow with the session token")
                .path("/self-service/login/api").method("GET").query("aal=aal2")))
                .willRespondWith().status(200)
                .body(flow("login").with(b -> b.stringValue("requested_aal", "aal2"))
                        .input("totp", "totp_code").message(1010004, "info").build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "startSecondFactorLogin")
    void secondFactorFlowAsksForTotp(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            LoginFlow flow = kratos.login().start(LoginOptions.secondFactor(SessionToken.of(TOKEN)));

            assertEquals(Aal.AAL2, flow.requestedAal());
            assertTrue(flow.methods().contains("totp"), flow.methods()::toString);
            assertEquals(Optional.of(SessionToken.of(TOKEN)), flow.sessionToken());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact startLoginForTokenExchange(PactDslWithProvider builder) {
        return acceptsJson(builder.given(ProviderStates.KRATOS_IS_RUNNING)
                .uponReceiving("start a login flow that returns a session token exchange code")
                .path("/self-service/login/api").method("GET").query("return_session_token_exchange_code=true"))
                .willRespondWith().status(200)
                .body(flow("login").with(b -> b.stringType("session_token_exchange_code", "example-exchange-code")).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "startLoginForTokenExchange")
    void flowCarriesTheExchangeCode(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            LoginFlow flow = kratos.login().start(LoginOptions.defaults().withSessionTokenExchangeCode());

            assertEquals(Optional.of(Secret.of("example-exchange-code")), flow.sessionTokenExchangeCode());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact startLoginWithASession(PactDslWithProvider builder) {
        return withToken(acceptsJson(builder.given(ProviderStates.SESSION, ADA)
                .uponReceiving("start a login flow although a session exists")
                .path("/self-service/login/api").method("GET")))
                .willRespondWith().status(400)
                .body(error("session_already_available", 400))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "startLoginWithASession")
    void aSessionAlreadyAvailableIsAKratosError(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            KratosErrorException e = assertThrows(KratosErrorException.class,
                    () -> kratos.login().start(LoginOptions.defaults().withSessionToken(SessionToken.of(TOKEN))));

            assertEquals(400, e.status());
            assertTrue(e.error().is("session_already_available"), e.error()::summary);
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact fetchLogin(PactDslWithProvider builder) {
        return acceptsJson(builder.given(ProviderStates.LOGIN_FLOW, ADA)
                .uponReceiving("fetch a login flow by id")
                .path("/self-service/login/flows").method("GET")
                .queryParameterFromProviderState("id", S_FLOW_ID, FLOW_ID))
                .willRespondWith().status(200)
                .body(flow("login").input("password", "password").build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "fetchLogin")
    void fetchReturnsTheFlow(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            LoginFlow flow = kratos.login().fetch(io.kratosflows.FlowId.of(FLOW_ID));

            assertEquals(FLOW_ID, flow.id().value());
            assertTrue(flow.methods().contains("password"));
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact fetchUnknownLogin(PactDslWithProvider builder) {
        return acceptsJson(builder.given(ProviderStates.KRATOS_IS_RUNNING)
                .uponReceiving("fetch a login flow that does not exist")
                .path("/self-service/login/flows").method("GET").query("id=" + NEW_FLOW_ID))
                .willRespondWith().status(404)
                .body(error(null, 404))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "fetchUnknownLogin")
    void anUnknownFlowIsAKratosError(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            KratosErrorException e = assertThrows(KratosErrorException.class,
                    () -> kratos.login().fetch(io.kratosflows.FlowId.of(NEW_FLOW_ID)));

            assertEquals(404, e.status());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact fetchExpiredLogin(PactDslWithProvider builder) {
        return acceptsJson(builder.given(ProviderStates.EXPIRED_LOGIN_FLOW)
                .uponReceiving("fetch an expired login flow")
                .path("/self-service/login/flows").method("GET")
                .queryParameterFromProviderState("id", S_FLOW_ID, FLOW_ID))
                .willRespondWith().status(410)
                .body(error("self_service_flow_expired", 410))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "fetchExpiredLogin")
    void fetchingAnExpiredFlowIsAKratosError(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            KratosErrorException e = assertThrows(KratosErrorException.class,
                    () -> kratos.login().fetch(io.kratosflows.FlowId.of(FLOW_ID)));

            assertEquals(410, e.status());
            assertTrue(e.error().is("self_service_flow_expired"), e.error()::summary);
        }
    }

    // ---- submissions -------------------------------------------------------------------------

    private static PactDslJsonBody password(String identifierExpression, String passwordExpression) {
        return new PactDslJsonBody().stringValue("method", "password")
                .valueFromProviderState("identifier", identifierExpression, EMAIL)
                .valueFromProviderState("password", passwordExpression, PASSWORD);
    }

    /** The code method's body: the orchestrator sends {@code csrf_token: null} (a required field of the model). */
    private static PactDslJsonBody codeBody() {
        return new PactDslJsonBody().stringValue("method", "code").nullValue("csrf_token");
    }

    private static PactDslJsonBody completedLogin(String aal, boolean identity) {
        PactDslJsonBody body = new PactDslJsonBody().stringMatcher("session_token", TOKEN_REGEX, TOKEN);
        return session(body, "session", aal, identity);
    }

    @Pact(consumer = CONSUMER)
    V4Pact passwordLogin(PactDslWithProvider builder) {
        return submit(builder.given(ProviderStates.LOGIN_FLOW, ADA)
                .uponReceiving("submit the right password to a login flow")
                .path("/self-service/login"), password(S_EMAIL, S_PASSWORD))
                .willRespondWith().status(200)
                .body(completedLogin("aal1", true))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "passwordLogin")
    void rightPasswordCompletes(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            LoginOutcome outcome = kratos.login().submit(Samples.login(), new LoginMethod.Password(EMAIL, Secret.of(PASSWORD)));

            LoginOutcome.Completed done = assertInstanceOf(LoginOutcome.Completed.class, outcome);
            assertEquals(SessionToken.of(TOKEN), done.token());
            assertEquals(Aal.AAL1, done.session().aal());
            assertEquals(IDENTITY_ID, done.session().identity().orElseThrow().id().value());
            assertEquals("password", done.session().authenticationMethods().get(0).method());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact wrongPasswordLogin(PactDslWithProvider builder) {
        return submit(builder.given(ProviderStates.LOGIN_FLOW, ADA)
                .uponReceiving("submit a wrong password to a login flow")
                .path("/self-service/login"), new PactDslJsonBody().stringValue("method", "password")
                        .valueFromProviderState("identifier", S_EMAIL, EMAIL)
                        .stringValue("password", "wrong-password-123"))
                .willRespondWith().status(400)
                .body(flow("login").message(4000006, "error").build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "wrongPasswordLogin")
    void wrongPasswordNeedsInput(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            LoginOutcome outcome = kratos.login().submit(Samples.login(),
                    new LoginMethod.Password(EMAIL, Secret.of("wrong-password-123")));

            LoginOutcome.NeedsInput needs = assertInstanceOf(LoginOutcome.NeedsInput.class, outcome);
            assertTrue(needs.flow().ui().hasMessage(4000006));
            assertEquals(FLOW_ID, needs.flow().id().value());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact requestLoginCode(PactDslWithProvider builder) {
        return submit(builder.given(ProviderStates.LOGIN_FLOW, ADA)
                .uponReceiving("ask a login flow to send a code")
                .path("/self-service/login"),
                codeBody().valueFromProviderState("identifier", S_EMAIL, EMAIL))
                .willRespondWith().status(400)
                .body(flow("login").state("sent_email").input("code", "code").message(1010014, "info").build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "requestLoginCode")
    void codeRequestIsCodeSent(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            LoginOutcome outcome = kratos.login().submit(Samples.login(), LoginMethod.Code.request(EMAIL));

            LoginOutcome.CodeSent sent = assertInstanceOf(LoginOutcome.CodeSent.class, outcome);
            assertEquals(Optional.of("sent_email"), sent.flow().state());
            assertTrue(sent.flow().ui().node("code").isPresent());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact resendLoginCode(PactDslWithProvider builder) {
        return submit(builder.given(ProviderStates.LOGIN_CODE_SENT, Map.of("email", EMAIL))
                .uponReceiving("ask a login flow to send a new code")
                .path("/self-service/login"), codeBody()
                        .valueFromProviderState("identifier", S_EMAIL, EMAIL)
                        .stringValue("resend", "code"))
                .willRespondWith().status(400)
                .body(flow("login").state("sent_email").message(1010014, "info").build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "resendLoginCode")
    void resendIsCodeSentAgain(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            LoginOutcome outcome = kratos.login().submit(Samples.login(), LoginMethod.Code.resend(EMAIL));

            assertInstanceOf(LoginOutcome.CodeSent.class, outcome);
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact submitLoginCode(PactDslWithProvider builder) {
        return submit(builder.given(ProviderStates.LOGIN_CODE_SENT, Map.of("email", EMAIL))
                .uponReceiving("submit the right login code")
                .path("/self-service/login"), codeBody()
                        .valueFromProviderState("identifier", S_EMAIL, EMAIL)
                        .valueFromProviderState("code", S_CODE, CODE))
                .willRespondWith().status(200)
                .body(completedLogin("aal1", true))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "submitLoginCode")
    void rightCodeCompletes(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            LoginOutcome outcome = kratos.login().submit(Samples.login(), LoginMethod.Code.submit(EMAIL, Secret.of(CODE)));

            LoginOutcome.Completed done = assertInstanceOf(LoginOutcome.Completed.class, outcome);
            assertEquals(SessionToken.of(TOKEN), done.token());
            assertTrue(done.session().identity().isPresent());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact submitWrongLoginCode(PactDslWithProvider builder) {
        return submit(builder.given(ProviderStates.LOGIN_CODE_SENT, Map.of("email", EMAIL))
                .uponReceiving("submit a wrong login code")
                .path("/self-service/login"), codeBody()
                        .valueFromProviderState("identifier", S_EMAIL, EMAIL)
                        .stringValue("code", WRONG_CODE))
                .willRespondWith().status(400)
                .body(flow("login").message(4010008, "error").build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "submitWrongLoginCode")
    void wrongCodeNeedsInputAndIsNotCodeSent(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            LoginOutcome outcome = kratos.login().submit(Samples.login(), LoginMethod.Code.submit(EMAIL, Secret.of(WRONG_CODE)));

            LoginOutcome.NeedsInput needs = assertInstanceOf(LoginOutcome.NeedsInput.class, outcome);
            assertTrue(needs.flow().ui().hasMessage(4010008));
            assertTrue(needs.flow().ui().hasErrors());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact submitTotp(PactDslWithProvider builder) {
        return withToken(submit(builder.given(ProviderStates.TOTP_LOGIN_FLOW, ADA)
                .uponReceiving("submit the right TOTP code to an aal2 login flow")
                .path("/self-service/login"), new PactDslJsonBody().stringValue("method", "totp")
                        .valueFromProviderState("totp_code", S_TOTP, CODE)))
                .willRespondWith().status(200)
                .body(completedLogin("aal2", true))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "submitTotp")
    void rightTotpCompletesAtAal2(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            LoginOutcome outcome = kratos.login().submit(Samples.login(Optional.of(SessionToken.of(TOKEN)), Aal.AAL2),
                    new LoginMethod.Totp(Secret.of(CODE)));

            LoginOutcome.Completed done = assertInstanceOf(LoginOutcome.Completed.class, outcome);
            assertEquals(Aal.AAL2, done.session().aal());
            assertEquals(SessionToken.of(TOKEN), done.token());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact submitWrongTotp(PactDslWithProvider builder) {
        return withToken(submit(builder.given(ProviderStates.TOTP_LOGIN_FLOW, ADA)
                .uponReceiving("submit a wrong TOTP code to an aal2 login flow")
                .path("/self-service/login"), new PactDslJsonBody().stringValue("method", "totp")
                        .stringValue("totp_code", WRONG_CODE)))
                .willRespondWith().status(400)
                .body(flow("login").with(b -> b.stringValue("requested_aal", "aal2")).message(4000008, "error").build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "submitWrongTotp")
    void wrongTotpNeedsInput(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            LoginOutcome outcome = kratos.login().submit(Samples.login(Optional.of(SessionToken.of(TOKEN)), Aal.AAL2),
                    new LoginMethod.Totp(Secret.of(WRONG_CODE)));

            LoginOutcome.NeedsInput needs = assertInstanceOf(LoginOutcome.NeedsInput.class, outcome);
            assertTrue(needs.flow().ui().hasMessage(4000008));
            assertEquals(Optional.of(SessionToken.of(TOKEN)), needs.flow().sessionToken());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact submitLookupSecret(PactDslWithProvider builder) {
        return withToken(submit(builder.given(ProviderStates.LOOKUP_LOGIN_FLOW, ADA)
                .uponReceiving("submit a backup code to an aal2 login flow")
                .path("/self-service/login"), new PactDslJsonBody().stringValue("method", "lookup_secret")
                        .valueFromProviderState("lookup_secret", S_LOOKUP, LOOKUP_CODE)))
                .willRespondWith().status(200)
                .body(completedLogin("aal2", true))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "submitLookupSecret")
    void backupCodeCompletesAtAal2(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            LoginOutcome outcome = kratos.login().submit(Samples.login(Optional.of(SessionToken.of(TOKEN)), Aal.AAL2),
                    new LoginMethod.LookupSecret(Secret.of(LOOKUP_CODE)));

            LoginOutcome.Completed done = assertInstanceOf(LoginOutcome.Completed.class, outcome);
            assertEquals(Aal.AAL2, done.session().aal());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact submitRefresh(PactDslWithProvider builder) {
        return withToken(submit(builder.given(ProviderStates.REFRESH_LOGIN_FLOW, ADA)
                .uponReceiving("submit the password to a refresh login flow with the session token")
                .path("/self-service/login"), password(S_EMAIL, S_PASSWORD)))
                .willRespondWith().status(200)
                .body(completedLogin("aal1", true))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "submitRefresh")
    void refreshCompletesWithTheSameSession(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            LoginOutcome outcome = kratos.login().submit(Samples.login(Optional.of(SessionToken.of(TOKEN)), Aal.AAL1),
                    new LoginMethod.Password(EMAIL, Secret.of(PASSWORD)));

            LoginOutcome.Completed done = assertInstanceOf(LoginOutcome.Completed.class, outcome);
            assertTrue(done.session().active());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact submitOidc(PactDslWithProvider builder) {
        return submit(builder.given(ProviderStates.LOGIN_FLOW, ADA)
                .uponReceiving("choose a social sign-in provider in a login flow")
                .path("/self-service/login"), new PactDslJsonBody().stringValue("method", "oidc").stringValue("provider", "github"))
                .willRespondWith().status(422)
                .body(error("browser_location_change_required", 422,
                        b -> b.stringMatcher("redirect_browser_to", "https?://.+", "https://github.com/login/oauth/authorize?state=x")))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "submitOidc")
    void socialSignInNeedsABrowser(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            LoginOutcome outcome = kratos.login().submit(Samples.login(), LoginMethod.Oidc.provider("github"));

            LoginOutcome.BrowserRequired browser = assertInstanceOf(LoginOutcome.BrowserRequired.class, outcome);
            assertEquals("https://github.com/login/oauth/authorize?state=x", browser.redirectBrowserTo());
            assertTrue(browser.error().is("browser_location_change_required"));
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact submitExpiredLogin(PactDslWithProvider builder) {
        return submit(builder.given(ProviderStates.EXPIRED_LOGIN_FLOW)
                .uponReceiving("submit a password to an expired login flow")
                .path("/self-service/login"), new PactDslJsonBody().stringValue("method", "password")
                        .stringValue("identifier", EMAIL).stringValue("password", PASSWORD))
                .willRespondWith().status(410)
                .body(error("self_service_flow_expired", 410, b -> b.uuid("use_flow_id", NEW_FLOW_ID)))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "submitExpiredLogin")
    void expiredFlowNamesItsReplacement(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            LoginOutcome outcome = kratos.login().submit(Samples.login(), new LoginMethod.Password(EMAIL, Secret.of(PASSWORD)));

            LoginOutcome.FlowExpired expired = assertInstanceOf(LoginOutcome.FlowExpired.class, outcome);
            assertEquals(NEW_FLOW_ID, expired.replacement().orElseThrow().value());
            assertTrue(expired.error().is("self_service_flow_expired"));
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact passwordLoginNeedingSecondFactor(PactDslWithProvider builder) {
        return submit(builder.given(ProviderStates.LOGIN_FLOW_FOR_TOTP_IDENTITY, ADA)
                .uponReceiving("submit the right password when a second factor is required")
                .path("/self-service/login"), password(S_EMAIL, S_PASSWORD))
                .willRespondWith().status(200)
                .body(completedLogin("aal1", false))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "passwordLoginNeedingSecondFactor")
    void withheldIdentityMeansSecondFactorRequired(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            LoginOutcome outcome = kratos.login().submit(Samples.login(), new LoginMethod.Password(EMAIL, Secret.of(PASSWORD)));

            LoginOutcome.SecondFactorRequired more = assertInstanceOf(LoginOutcome.SecondFactorRequired.class, outcome);
            assertEquals(SessionToken.of(TOKEN), more.token());
            assertFalse(more.session().identity().isPresent());
            assertEquals(Aal.AAL1, more.session().aal());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact identifierFirstLogin(PactDslWithProvider builder) {
        return submit(builder.given(ProviderStates.IDENTIFIER_FIRST_LOGIN_FLOW, ADA)
                .uponReceiving("submit the identifier to an identifier-first login flow")
                .path("/self-service/login"), new PactDslJsonBody().stringValue("method", "identifier_first")
                        .valueFromProviderState("identifier", S_EMAIL, EMAIL))
                .willRespondWith().status(400)
                .body(flow("login").input("password", "password").build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "identifierFirstLogin")
    void identifierFirstAsksForTheCredential(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            LoginOutcome outcome = kratos.login().submit(Samples.login(), new LoginMethod.IdentifierFirst(EMAIL));

            LoginOutcome.NeedsInput next = assertInstanceOf(LoginOutcome.NeedsInput.class, outcome);
            assertTrue(next.flow().ui().node("password").isPresent());
            assertFalse(next.flow().ui().hasErrors());
        }
    }
}
