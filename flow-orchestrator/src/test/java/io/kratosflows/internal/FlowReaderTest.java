package io.kratosflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.Aal;
import io.kratosflows.SessionToken;
import io.kratosflows.error.KratosErrorException;
import io.kratosflows.login.LoginFlow;
import io.kratosflows.registration.RegistrationFlow;
import io.kratosflows.settings.SettingsFlow;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Start and fetch answers recorded from Kratos v26.2.0, read by the one flow reader: flows with their token, methods and secrets, or typed errors. */
class FlowReaderTest {

    private static final SessionToken TOKEN = SessionToken.of("ory_st_settings");

    @Test
    void startWithAnActiveSessionIsATypedError() {
        var error = assertThrows(KratosErrorException.class,
                () -> FlowAnswers.flow("start login flow", Wire.recorded("login/create-with-session.400.json"), f -> FlowReader.login(f, Optional.empty())));

        assertEquals(400, error.status());
        assertTrue(error.error().is("session_already_available"));
        assertTrue(error.getMessage().contains("session_already_available"), error.getMessage());
    }

    @Test
    void unknownFlowIdIsATypedError() {
        var error = assertThrows(KratosErrorException.class,
                () -> FlowAnswers.flow("fetch", Wire.recorded("login/fetch-unknown-id.404.json"), f -> FlowReader.login(f, Optional.empty())));

        assertEquals(404, error.status());
    }

    @Test
    void refreshFlowIsReadWithItsToken() {
        SessionToken token = SessionToken.of("ory_st_x");

        LoginFlow flow = FlowAnswers.flow("start", Wire.recorded("login/create-refresh.200.json"), f -> FlowReader.login(f, Optional.of(token)));

        assertTrue(flow.refresh());
        assertEquals(Optional.of(token), flow.sessionToken());
        assertTrue(flow.methods().contains("password"));
    }

    @Test
    void anAal2FlowAsksForTheSecondFactor() {
        var flow = FlowAnswers.flow("start", Wire.recorded("login/create-aal2.200.json"), f -> FlowReader.login(f, Optional.of(SessionToken.of("ory_st_x"))));

        assertEquals(Aal.AAL2, flow.requestedAal());
        assertTrue(flow.methods().contains("totp"), flow.methods().toString());
    }

    @Test
    void createdFlowListsItsMethods() {
        var flow = FlowAnswers.flow("start", Wire.recorded("registration/create.200.json"), FlowReader::registration);

        assertEquals(Optional.empty(), flow.sessionTokenExchangeCode());
        assertTrue(flow.methods().containsAll(java.util.List.of("password", "code", "oidc")), flow.methods().toString());
    }

    @Test
    void totpSecretAndQrCodeAreExposedAndRedacted() {
        SettingsFlow flow = FlowAnswers.flow("start", Wire.recorded("settings/create.200.json"), f -> FlowReader.settings(f, TOKEN));

        String secret = flow.totpSecret().orElseThrow().reveal();
        assertTrue(secret.matches("[A-Z2-7]{16,}"), "base32 secret");
        assertTrue(flow.totpQrCode().orElseThrow().startsWith("data:image/png;base64,"));
        assertFalse(flow.toString().contains(secret), "the secret never prints");
    }

    @Test
    void fetchingAnExpiredFlowIsATypedError() {
        var error = assertThrows(KratosErrorException.class,
                () -> FlowAnswers.flow("fetch", Wire.recorded("verification/fetch-expired.410.json"), FlowReader::verification));

        assertEquals(410, error.status());
    }

    @Test
    void aFlowStartedForABrowserHandOverCarriesTheExchangeCode() {
        var body = (com.fasterxml.jackson.databind.node.ObjectNode) Wire.recorded("registration/create.200.json").json();
        body.put("session_token_exchange_code", "init-code-1");

        RegistrationFlow flow = FlowReader.registration(body);

        assertEquals("init-code-1", flow.sessionTokenExchangeCode().orElseThrow().reveal());
        assertEquals(Map.of(), Json.map(body, "absent"));
    }
}
