package io.kratosflows.contract;

import static io.kratosflows.contract.PactSupport.CODE;
import static io.kratosflows.contract.PactSupport.CONSUMER;
import static io.kratosflows.contract.PactSupport.EMAIL;
import static io.kratosflows.contract.PactSupport.FLOW_ID;
import static io.kratosflows.contract.PactSupport.NEW_FLOW_ID;
import static io.kratosflows.contract.PactSupport.OTHER_FLOW_ID;
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
import static io.kratosflows.contract.PactSupport.kratos;
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
import io.kratosflows.FlowId;
import io.kratosflows.Kratos;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.recovery.RecoveryFlow;
import io.kratosflows.recovery.RecoveryMethod;
import io.kratosflows.recovery.RecoveryOutcome;
import io.kratosflows.testing.Samples;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pins what kratos-flows relies on in Kratos's native recovery by code: a wrong code is HTTP 200
 * with message 4060006, success carries the session token and the settings flow in
 * {@code continue_with}, and an expired flow names its successor.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class RecoveryPactTest {

    private static final Map<String, Object> ADA = Map.of("email", EMAIL);

    private static PactDslJsonBody code() {
        return new PactDslJsonBody().stringValue("method", "code");
    }

    @Pact(consumer = CONSUMER)
    V4Pact startRecovery(PactDslWithProvider builder) {
        return acceptsJson(builder.given(ProviderStates.KRATOS_IS_RUNNING)
                .uponReceiving("start a native recovery flow")
                .path("/self-service/recovery/api").method("GET"))
                .willRespondWith().status(200)
                .body(flow("recovery").state("choose_method").input("code", "email").build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "startRecovery")
    void startAsksForTheAddress(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            RecoveryFlow flow = kratos.recovery().start();

            assertEquals(FLOW_ID, flow.id().value());
            assertEquals(Optional.of("choose_method"), flow.state());
            assertTrue(flow.ui().node("email").isPresent());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact fetchRecovery(PactDslWithProvider builder) {
        return acceptsJson(builder.given(ProviderStates.RECOVERY_FLOW, ADA)
                .uponReceiving("fetch a recovery flow by id")
                .path("/self-service/recovery/flows").method("GET")
                .queryParameterFromProviderState("id", S_FLOW_ID, FLOW_ID))
                .willRespondWith().status(200)
                .body(flow("recovery").build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "fetchRecovery")
    void fetchReturnsTheFlow(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            assertEquals(FLOW_ID, kratos.recovery().fetch(FlowId.of(FLOW_ID)).id().value());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact sendRecoveryCode(PactDslWithProvider builder) {
        return submit(builder.given(ProviderStates.RECOVERY_FLOW, ADA)
                .uponReceiving("ask a recovery flow to send a code")
                .path("/self-service/recovery"), code().valueFromProviderState("email", S_EMAIL, EMAIL))
                .willRespondWith().status(200)
                .body(flow("recovery").state("sent_email").input("code", "code").message(1060003, "info").build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "sendRecoveryCode")
    void addressIsCodeSent(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            RecoveryOutcome outcome = kratos.recovery().submit(Samples.recovery(), RecoveryMethod.Code.request(EMAIL));

            RecoveryOutcome.CodeSent sent = assertInstanceOf(RecoveryOutcome.CodeSent.class, outcome);
            assertEquals(Optional.of("sent_email"), sent.flow().state());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact wrongRecoveryCode(PactDslWithProvider builder) {
        return submit(builder.given(ProviderStates.RECOVERY_CODE_SENT, ADA)
                .uponReceiving("submit a wrong recovery code")
                .path("/self-service/recovery"), code().stringValue("code", WRONG_CODE))
                .willRespondWith().status(200)
                .body(flow("recovery").message(4060006, "error").build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "wrongRecoveryCode")
    void wrongCodeIsInvalidCodeDespiteHttp200(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            RecoveryOutcome outcome = kratos.recovery().submit(Samples.recovery(), RecoveryMethod.Code.submit(Secret.of(WRONG_CODE)));

            RecoveryOutcome.InvalidCode invalid = assertInstanceOf(RecoveryOutcome.InvalidCode.class, outcome);
            assertTrue(invalid.flow().ui().hasMessage(4060006));
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact rightRecoveryCode(PactDslWithProvider builder) {
        PactDslJsonBody flowBody = flow("recovery").state("passed_challenge").with(b -> {
            PactDslJsonArray next = (PactDslJsonArray) b.arrayContaining("continue_with");
            next.object().stringValue("action", "set_ory_session_token")
                    .stringMatcher("ory_session_token", TOKEN_REGEX, TOKEN).closeObject();
            next.object().stringValue("action", "show_settings_ui")
                    .object("flow").uuid("id", OTHER_FLOW_ID).closeObject().closeObject();
            next.closeArray();
        }).build();
        return submit(builder.given(ProviderStates.RECOVERY_CODE_SENT, ADA)
                .uponReceiving("submit the right recovery code")
                .path("/self-service/recovery"), code().valueFromProviderState("code", S_CODE, CODE))
                .willRespondWith().status(200)
                .body(flowBody)
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "rightRecoveryCode")
    void rightCodeRecoversWithTokenAndSettingsFlow(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            RecoveryOutcome outcome = kratos.recovery().submit(Samples.recovery(), RecoveryMethod.Code.submit(Secret.of(CODE)));

            RecoveryOutcome.Recovered recovered = assertInstanceOf(RecoveryOutcome.Recovered.class, outcome);
            assertEquals(SessionToken.of(TOKEN), recovered.token());
            assertEquals(Optional.of(FlowId.of(OTHER_FLOW_ID)), recovered.settingsFlow());
            assertEquals(Optional.of("passed_challenge"), recovered.flow().state());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact rightRecoveryCodeWithoutTransitions(PactDslWithProvider builder) {
        return submit(builder.given(ProviderStates.RECOVERY_CODE_SENT_NO_TRANSITIONS, ADA)
                .uponReceiving("submit the right recovery code to a Kratos without continue-with transitions")
                .path("/self-service/recovery"), code().valueFromProviderState("code", S_CODE, CODE))
                .willRespondWith().status(422)
                .body(error("browser_location_change_required", 422,
                        b -> b.stringMatcher("redirect_browser_to", "https?://.+", "http://127.0.0.1:4455/settings?flow=" + OTHER_FLOW_ID)))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "rightRecoveryCodeWithoutTransitions")
    void withoutTransitionsRecoveryNeedsABrowserAndSaysWhy(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            RecoveryOutcome outcome = kratos.recovery().submit(Samples.recovery(), RecoveryMethod.Code.submit(Secret.of(CODE)));

            RecoveryOutcome.BrowserRequired browser = assertInstanceOf(RecoveryOutcome.BrowserRequired.class, outcome);
            assertTrue(browser.hint().contains("use_continue_with_transitions"), browser::hint);
            assertEquals("http://127.0.0.1:4455/settings?flow=" + OTHER_FLOW_ID, browser.redirectBrowserTo());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact expiredRecovery(PactDslWithProvider builder) {
        return submit(builder.given(ProviderStates.EXPIRED_RECOVERY_FLOW)
                .uponReceiving("ask an expired recovery flow to send a code")
                .path("/self-service/recovery"), code().stringValue("email", EMAIL))
                .willRespondWith().status(410)
                .body(error("self_service_flow_expired", 410, b -> b.uuid("use_flow_id", NEW_FLOW_ID)))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "expiredRecovery")
    void expiredFlowNamesItsReplacement(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            RecoveryOutcome outcome = kratos.recovery().submit(Samples.recovery(), RecoveryMethod.Code.request(EMAIL));

            RecoveryOutcome.FlowExpired expired = assertInstanceOf(RecoveryOutcome.FlowExpired.class, outcome);
            assertEquals(Optional.of(FlowId.of(NEW_FLOW_ID)), expired.replacement());
        }
    }
}
