package io.kratosflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.Traits;
import io.kratosflows.TransientPayload;
import io.kratosflows.error.InvalidInputException;
import io.kratosflows.generated.invoker.ModelJson;
import io.kratosflows.generated.invoker.Operation;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.recovery.RecoveryMethod;
import io.kratosflows.registration.RegistrationMethod;
import io.kratosflows.settings.SettingsMethod;
import io.kratosflows.testing.Samples;
import io.kratosflows.verification.VerificationMethod;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a submission sends beyond the method's own fields: the transient payload, the second-factor
 * address of code login; and what flows read beyond their form: {@code request_url} and {@code active}.
 */
class SubmissionExtrasTest {

    private static final Optional<TransientPayload> PAYLOAD =
            Optional.of(TransientPayload.of(Map.of("source", "app", "consent", true, "n", List.of(1, 2))));

    private static JsonNode sent(Operation<?> operation) throws Exception {
        return Json.MAPPER.readTree(ModelJson.newMapper().writeValueAsBytes(operation.body()));
    }

    @Test
    void everyFlowSendsTheTransientPayloadAsAJsonObjectBesideTheMethodsFields() throws Exception {
        List<Operation<?>> operations = List.of(
                UpdateLoginFlowStep.operation(Samples.login(), new LoginMethod.Password("ada@example.org", Secret.of("pw")), PAYLOAD),
                UpdateLoginFlowStep.operation(Samples.login(), LoginMethod.Code.request("ada@example.org"), PAYLOAD),
                UpdateLoginFlowStep.operation(Samples.login(), new LoginMethod.Totp(Secret.of("123456")), PAYLOAD),
                UpdateRegistrationFlowStep.operation(Samples.registration(),
                        new RegistrationMethod.Password(Traits.email("ada@example.org"), Secret.of("pw")), PAYLOAD),
                UpdateSettingsFlowStep.operation(Samples.settings(SessionToken.of("ory_st_x")), new SettingsMethod.Password(Secret.of("pw")), PAYLOAD),
                UpdateRecoveryFlowStep.operation(Samples.recovery(), RecoveryMethod.Code.request("ada@example.org"), PAYLOAD),
                UpdateVerificationFlowStep.operation(Samples.verification(), VerificationMethod.Code.request("ada@example.org"), PAYLOAD));

        for (Operation<?> operation : operations) {
            JsonNode body = sent(operation);
            assertEquals(PAYLOAD.get().json(), body.path("transient_payload"), operation.operationId());
            assertTrue(body.path("method").isTextual(), "the method's own fields stay: " + body);
        }
        assertFalse(sent(UpdateLoginFlowStep.operation(Samples.login(), LoginMethod.Code.request("a@b.c"), Optional.empty()))
                .has("transient_payload"), "absent unless given");
    }

    @Test
    void aMethodWhoseBodyHasNoTransientPayloadIsRefusedBeforeSending() {
        var e = assertThrows(InvalidInputException.class, () -> UpdateLoginFlowStep.operation(Samples.login(),
                new LoginMethod.LookupSecret(Secret.of("abcd1234")), PAYLOAD));

        assertTrue(e.getMessage().contains("transient_payload"), e.getMessage());
        assertTrue(e.getMessage().contains(Operation.SPEC), "names the spec: " + e.getMessage());
        assertTrue(e.getMessage().contains("lookup_secret"), e.getMessage());
        assertFalse(e.getMessage().contains("abcd1234"));
    }

    @Test
    void aTransientPayloadIsAlwaysAnObjectAndPrintsItsNamesOnly() {
        assertThrows(IllegalArgumentException.class, () -> TransientPayload.from("a string"));
        assertThrows(IllegalArgumentException.class, () -> TransientPayload.from(List.of(1)));
        record Signup(String campaign, boolean newsletter) {
        }
        var typed = TransientPayload.from(new Signup("spring", true));

        assertEquals("spring", typed.json().path("campaign").asText());
        assertEquals("TransientPayload[campaign, newsletter]", typed.toString());
    }

    @Test
    void choosingTheSecondFactorAddressSendsOnlyTheAddress() throws Exception {
        JsonNode body = sent(UpdateLoginFlowStep.operation(Samples.login(), LoginMethod.Code.sendTo("ada@example.org")));

        assertEquals("code", body.path("method").asText());
        assertEquals("ada@example.org", body.path("address").asText());
        assertFalse(body.has("identifier"));
        assertFalse(body.has("code"));
        assertFalse(sent(UpdateLoginFlowStep.operation(Samples.login(), LoginMethod.Code.request("ada@example.org"))).has("address"));
    }

    @Test
    void aSecondFactorFlowNamesTheAddressesACodeCanGoTo() {
        var withTotp = FlowReader.login(Wire.recorded("login/code-mfa-create-aal2-with-totp.200.json").json(), Optional.empty());
        var oneAddress = FlowReader.login(Wire.recorded("login/code-mfa-create-aal2-one-address.200.json").json(), Optional.empty());

        assertEquals(List.of("code-mfa-totp-625b837d@example.org"), withTotp.codeAddresses());
        assertEquals(List.of(), oneAddress.codeAddresses(), "the code was sent as the flow started");
        assertEquals("sent_email", oneAddress.state().orElseThrow());
    }

    @Test
    void flowsCarryTheirRequestUrlAndActiveMethod() {
        var login = FlowReader.login(Wire.recorded("login/create.200.json").json(), Optional.empty());
        var settings = FlowReader.settings(Wire.recorded("settings/create-request-url-and-return-to.200.json").json(),
                SessionToken.of("ory_st_x"));
        var recovery = FlowReader.recovery(Wire.recorded("recovery/create.200.json").json());
        var verification = FlowReader.verification(Wire.recorded("verification/create.200.json").json());
        var registration = FlowReader.registration(Wire.recorded("registration/create.200.json").json());
        var codeSent = FlowReader.login(Wire.recorded("login/submit-code-sent.400.json").json(), Optional.empty());

        assertTrue(login.requestUrl().orElseThrow().endsWith("/self-service/login/api"));
        assertTrue(login.active().isEmpty(), "login names no method until one is submitted");
        assertEquals("code", codeSent.active().orElseThrow());
        assertTrue(settings.requestUrl().orElseThrow().endsWith("/self-service/settings/api?return_to=https://example.com/app"),
                "the query is kept");
        assertTrue(settings.active().isEmpty());
        assertEquals("code", recovery.active().orElseThrow());
        assertEquals("code", verification.active().orElseThrow());
        assertTrue(registration.requestUrl().isPresent());
    }

    @Test
    void aSessionTokenOnAStartGoesAsAHeaderWhenTheSpecDeclaresNone() {
        Calls calls = new Calls(new Transport(io.kratosflows.KratosConfig.builder().publicUrl("http://127.0.0.1:1").build()),
                CallContext.NONE, false);
        var operation = FlowStarts.registration(io.kratosflows.registration.RegistrationOptions.defaults());

        Calls withToken = FlowStarts.withSessionToken(calls, operation, Optional.of(SessionToken.of("ory_st_secret")));

        assertEquals(List.of("X-Session-Token", "ory_st_secret"), List.of(withToken.context().headers()));
        assertFalse(withToken.context().toString().contains("ory_st_secret"), "header values never print");
        assertEquals(calls, FlowStarts.withSessionToken(calls, operation, Optional.empty()));
        calls.transport().close();
    }
}
