package io.kratosflows.contract;

import static io.kratosflows.contract.PactSupport.CODE;
import static io.kratosflows.contract.PactSupport.CONSUMER;
import static io.kratosflows.contract.PactSupport.EMAIL;
import static io.kratosflows.contract.PactSupport.FLOW_ID;
import static io.kratosflows.contract.PactSupport.NEW_FLOW_ID;
import static io.kratosflows.contract.PactSupport.PROVIDER;
import static io.kratosflows.contract.PactSupport.S_CODE;
import static io.kratosflows.contract.PactSupport.S_EMAIL;
import static io.kratosflows.contract.PactSupport.S_FLOW_ID;
import static io.kratosflows.contract.PactSupport.WRONG_CODE;
import static io.kratosflows.contract.PactSupport.acceptsJson;
import static io.kratosflows.contract.PactSupport.error;
import static io.kratosflows.contract.PactSupport.flow;
import static io.kratosflows.contract.PactSupport.kratos;
import static io.kratosflows.contract.PactSupport.submit;
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
import io.kratosflows.FlowId;
import io.kratosflows.Kratos;
import io.kratosflows.Secret;
import io.kratosflows.testing.Samples;
import io.kratosflows.verification.VerificationFlow;
import io.kratosflows.verification.VerificationMethod;
import io.kratosflows.verification.VerificationOutcome;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pins what kratos-flows relies on in Kratos's native verification by code: code sent, a wrong
 * code and success are all HTTP 200 told apart by state and message ids; a used flow is 410
 * {@code self_service_flow_replaced}; an expired flow answers with a redirect (303).
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class VerificationPactTest {

    private static final Map<String, Object> ADA = Map.of("email", EMAIL);

    private static PactDslJsonBody code() {
        return new PactDslJsonBody().stringValue("method", "code");
    }

    @Pact(consumer = CONSUMER)
    V4Pact startVerification(PactDslWithProvider builder) {
        return acceptsJson(builder.given(ProviderStates.KRATOS_IS_RUNNING)
                .uponReceiving("start a native verification flow")
                .path("/self-service/verification/api").method("GET"))
                .willRespondWith().status(200)
                .body(flow("verification").state("choose_method").input("code", "email").build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "startVerification")
    void startAsksForTheAddress(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            VerificationFlow flow = kratos.verification().start();

            assertEquals(FLOW_ID, flow.id().value());
            assertTrue(flow.ui().node("email").isPresent());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact fetchVerification(PactDslWithProvider builder) {
        return acceptsJson(builder.given(ProviderStates.VERIFICATION_FLOW, ADA)
                .uponReceiving("fetch a verification flow by id")
                .path("/self-service/verification/flows").method("GET")
                .queryParameterFromProviderState("id", S_FLOW_ID, FLOW_ID))
                .willRespondWith().status(200)
                .body(flow("verification").build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "fetchVerification")
    void fetchReturnsTheFlow(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            assertEquals(FLOW_ID, kratos.verification().fetch(FlowId.of(FLOW_ID)).id().value());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact sendVerificationCode(PactDslWithProvider builder) {
        return submit(builder.given(ProviderStates.VERIFICATION_FLOW, ADA)
                .uponReceiving("ask a verification flow to send a code")
                .path("/self-service/verification"), code().valueFromProviderState("email", S_EMAIL, EMAIL))
                .willRespondWith().status(200)
                .body(flow("verification").state("sent_email").input("code", "code").message(1080003, "info").build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "sendVerificationCode")
    void addressIsCodeSent(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            VerificationOutcome outcome = kratos.verification().submit(Samples.verification(), VerificationMethod.Code.request(EMAIL));

            assertInstanceOf(VerificationOutcome.CodeSent.class, outcome);
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact wrongVerificationCode(PactDslWithProvider builder) {
        return submit(builder.given(ProviderStates.VERIFICATION_CODE_SENT, ADA)
                .uponReceiving("submit a wrong verification code")
                .path("/self-service/verification"), code().stringValue("code", WRONG_CODE))
                .willRespondWith().status(200)
                .body(flow("verification").state("sent_email").message(4070006, "error").build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "wrongVerificationCode")
    void wrongCodeIsInvalidCodeDespiteHttp200(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            VerificationOutcome outcome = kratos.verification().submit(Samples.verification(),
                    VerificationMethod.Code.submit(Secret.of(WRONG_CODE)));

            VerificationOutcome.InvalidCode invalid = assertInstanceOf(VerificationOutcome.InvalidCode.class, outcome);
            assertTrue(invalid.flow().ui().hasMessage(4070006));
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact rightVerificationCode(PactDslWithProvider builder) {
        return submit(builder.given(ProviderStates.VERIFICATION_CODE_SENT, ADA)
                .uponReceiving("submit the right verification code")
                .path("/self-service/verification"), code().valueFromProviderState("code", S_CODE, CODE))
                .willRespondWith().status(200)
                .body(flow("verification").state("passed_challenge").message(1080002, "success").build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "rightVerificationCode")
    void rightCodeVerifies(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            VerificationOutcome outcome = kratos.verification().submit(Samples.verification(),
                    VerificationMethod.Code.submit(Secret.of(CODE)));

            VerificationOutcome.Verified verified = assertInstanceOf(VerificationOutcome.Verified.class, outcome);
            assertEquals(Optional.of("passed_challenge"), verified.flow().state());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact usedVerificationFlow(PactDslWithProvider builder) {
        return submit(builder.given(ProviderStates.VERIFICATION_COMPLETED, ADA)
                .uponReceiving("submit a code to a completed verification flow")
                .path("/self-service/verification"), code().valueFromProviderState("code", S_CODE, CODE))
                .willRespondWith().status(410)
                .body(replaced("use the new flow"))
                .toPact(V4Pact.class);
    }

    /** The 410 of a replaced flow; only its reason tells "already verified" from "too many attempts". */
    private static au.com.dius.pact.consumer.dsl.PactDslJsonBody replaced(String reasonPart) {
        var body = new au.com.dius.pact.consumer.dsl.PactDslJsonBody();
        body.object("error").stringValue("id", "self_service_flow_replaced").numberValue("code", 410)
                .stringMatcher("reason", ".*" + reasonPart + ".*", "An error occured, please " + reasonPart + ".").closeObject();
        body.uuid("use_flow_id", NEW_FLOW_ID);
        return body;
    }

    @Test
    @PactTestFor(pactMethod = "usedVerificationFlow")
    void completedFlowIsAlreadyUsed(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            VerificationOutcome outcome = kratos.verification().submit(Samples.verification(),
                    VerificationMethod.Code.submit(Secret.of(CODE)));

            VerificationOutcome.AlreadyUsed used = assertInstanceOf(VerificationOutcome.AlreadyUsed.class, outcome);
            assertEquals(Optional.of(FlowId.of(NEW_FLOW_ID)), used.replacement());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact expiredVerification(PactDslWithProvider builder) {
        return submit(builder.given(ProviderStates.EXPIRED_VERIFICATION_FLOW)
                .uponReceiving("ask an expired verification flow to send a code")
                .path("/self-service/verification"), code().stringValue("email", EMAIL))
                .willRespondWith().status(303)
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "expiredVerification")
    void expiredFlowRedirectIsFlowExpired(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            VerificationOutcome outcome = kratos.verification().submit(Samples.verification(), VerificationMethod.Code.request(EMAIL));

            // The redirect names a browser flow a native client cannot use: no replacement, restart() starts anew.
            VerificationOutcome.FlowExpired expired = assertInstanceOf(VerificationOutcome.FlowExpired.class, outcome);
            assertEquals(Optional.empty(), expired.error());
            assertEquals(Optional.empty(), expired.replacement());
        }
    }
}
