package io.kratosflows.contract;

import static io.kratosflows.contract.PactSupport.CONSUMER;
import static io.kratosflows.contract.PactSupport.EMAIL;
import static io.kratosflows.contract.PactSupport.IDENTITY_ID;
import static io.kratosflows.contract.PactSupport.PASSWORD;
import static io.kratosflows.contract.PactSupport.PROVIDER;
import static io.kratosflows.contract.PactSupport.S_TOKEN;
import static io.kratosflows.contract.PactSupport.SESSION_ID;
import static io.kratosflows.contract.PactSupport.TOKEN;
import static io.kratosflows.contract.PactSupport.UNKNOWN_TOKEN;
import static io.kratosflows.contract.PactSupport.acceptsJson;
import static io.kratosflows.contract.PactSupport.error;
import static io.kratosflows.contract.PactSupport.kratos;
import static io.kratosflows.contract.PactSupport.sessionFields;
import static io.kratosflows.contract.PactSupport.withToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import io.kratosflows.session.LogoutOutcome;
import io.kratosflows.session.TokenExchangeOutcome;
import io.kratosflows.session.WhoamiOutcome;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pins what kratos-flows relies on in Kratos's session calls: whoami (active, unknown token,
 * missing second factor), native logout with the token in the body, and a rejected token exchange.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class SessionPactTest {

    private static final Map<String, Object> ADA = Map.of("email", EMAIL, "password", PASSWORD);

    @Pact(consumer = CONSUMER)
    V4Pact whoami(PactDslWithProvider builder) {
        return withToken(acceptsJson(builder.given(ProviderStates.SESSION, ADA)
                .uponReceiving("whoami with a valid session token")
                .path("/sessions/whoami").method("GET")))
                .willRespondWith().status(200)
                .body(sessionFields(new PactDslJsonBody(), "aal1", true))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "whoami")
    void validTokenIsActive(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            WhoamiOutcome outcome = kratos.sessions().whoami(SessionToken.of(TOKEN));

            WhoamiOutcome.Active active = assertInstanceOf(WhoamiOutcome.Active.class, outcome);
            assertEquals(SESSION_ID, active.session().id());
            assertEquals(IDENTITY_ID, active.session().identity().orElseThrow().id().value());
            assertEquals(Aal.AAL1, active.session().aal());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact whoamiUnknownToken(PactDslWithProvider builder) {
        return acceptsJson(builder.given(ProviderStates.KRATOS_IS_RUNNING)
                .uponReceiving("whoami with an unknown session token")
                .path("/sessions/whoami").method("GET")
                .matchHeader("X-Session-Token", "ory_st_\\w+", UNKNOWN_TOKEN))
                .willRespondWith().status(401)
                .body(error(null, 401))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "whoamiUnknownToken")
    void unknownTokenIsNotSignedIn(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            WhoamiOutcome outcome = kratos.sessions().whoami(SessionToken.of(UNKNOWN_TOKEN));

            WhoamiOutcome.NotSignedIn out = assertInstanceOf(WhoamiOutcome.NotSignedIn.class, outcome);
            assertEquals(401, out.error().status());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact whoamiWithoutSecondFactor(PactDslWithProvider builder) {
        return withToken(acceptsJson(builder.given(ProviderStates.AAL1_SESSION_WITH_TOTP, ADA)
                .uponReceiving("whoami with a session that lacks its second factor")
                .path("/sessions/whoami").method("GET")))
                .willRespondWith().status(403)
                .body(error("session_aal2_required", 403,
                        b -> b.stringMatcher("redirect_browser_to", "https?://.+", "http://127.0.0.1:4433/self-service/login/browser?aal=aal2")))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "whoamiWithoutSecondFactor")
    void aal1SessionNeedsItsSecondFactor(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            WhoamiOutcome outcome = kratos.sessions().whoami(SessionToken.of(TOKEN));

            WhoamiOutcome.SecondFactorRequired more = assertInstanceOf(WhoamiOutcome.SecondFactorRequired.class, outcome);
            assertTrue(more.error().is("session_aal2_required"));
            assertTrue(more.redirectBrowserTo().isPresent());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact logout(PactDslWithProvider builder) {
        return acceptsJson(builder.given(ProviderStates.SESSION, ADA)
                .uponReceiving("log out with the session token in the body")
                .path("/self-service/logout/api").method("DELETE")
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .body(new PactDslJsonBody().valueFromProviderState("session_token", S_TOKEN, TOKEN)))
                .willRespondWith().status(204)
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "logout")
    void logoutRevokesTheSession(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            assertInstanceOf(LogoutOutcome.LoggedOut.class, kratos.sessions().logout(SessionToken.of(TOKEN)));
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact logoutUnknownToken(PactDslWithProvider builder) {
        return acceptsJson(builder.given(ProviderStates.KRATOS_IS_RUNNING)
                .uponReceiving("log out with an unknown session token")
                .path("/self-service/logout/api").method("DELETE")
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .body(new PactDslJsonBody().stringValue("session_token", UNKNOWN_TOKEN)))
                .willRespondWith().status(403)
                .body(error(null, 403))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "logoutUnknownToken")
    void unknownTokenIsSessionNotFound(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            LogoutOutcome outcome = kratos.sessions().logout(SessionToken.of(UNKNOWN_TOKEN));

            assertEquals(403, assertInstanceOf(LogoutOutcome.SessionNotFound.class, outcome).error().status());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact unknownTokenExchange(PactDslWithProvider builder) {
        return acceptsJson(builder.given(ProviderStates.KRATOS_IS_RUNNING)
                .uponReceiving("exchange unknown codes for a session token")
                .path("/sessions/token-exchange").method("GET")
                .query("init_code=unknown-init-code&return_to_code=unknown-return-code"))
                .willRespondWith().status(404)
                .body(error(null, 404))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "unknownTokenExchange")
    void unknownCodesAreRejected(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            TokenExchangeOutcome outcome = kratos.sessions().exchangeToken(Secret.of("unknown-init-code"),
                    Secret.of("unknown-return-code"));

            assertEquals(404, assertInstanceOf(TokenExchangeOutcome.Rejected.class, outcome).error().status());
        }
    }
}
