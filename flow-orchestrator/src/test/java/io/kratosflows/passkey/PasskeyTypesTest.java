package io.kratosflows.passkey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kratosflows.Traits;
import io.kratosflows.error.InvalidInputException;
import io.kratosflows.ui.MessageType;
import io.kratosflows.ui.NodeAttributes;
import io.kratosflows.ui.NodeType;
import io.kratosflows.ui.Ui;
import io.kratosflows.ui.UiMessage;
import io.kratosflows.ui.UiNode;
import io.kratosflows.testkit.SoftwareAuthenticator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The passkey types on values recorded from Kratos v26.2.0 and on a software authenticator's answers. */
class PasskeyTypesTest {

    /** {@code passkey_create_data} of a v26.2.0 native registration flow (unified style). */
    static final String REGISTRATION_CREATE_DATA = "{\"credentialOptions\":{\"publicKey\":{\"rp\":{\"name\":\"kratos-flows\","
            + "\"id\":\"localhost\"},\"user\":{\"name\":\"kratos-flows\",\"displayName\":\"kratos-flows\",\"id\":"
            + "\"dEh0Wk83T1ZoYmZSd2cxQTc0b0t0aFl3RUdGNDJPa21GWEY5NWZpQ0FjcWhIbXRuTXY2Z2x0ZU5jSGlESzVmSQ\"},"
            + "\"challenge\":\"35wfs3O67tzZgoUzaGyitreLNICpBlq_ouG2S4V5aUE\",\"pubKeyCredParams\":[{\"type\":\"public-key\","
            + "\"alg\":-7},{\"type\":\"public-key\",\"alg\":-35},{\"type\":\"public-key\",\"alg\":-36},{\"type\":"
            + "\"public-key\",\"alg\":-257},{\"type\":\"public-key\",\"alg\":-258},{\"type\":\"public-key\",\"alg\":-259},"
            + "{\"type\":\"public-key\",\"alg\":-37},{\"type\":\"public-key\",\"alg\":-38},{\"type\":\"public-key\",\"alg\":-39},"
            + "{\"type\":\"public-key\",\"alg\":-8}],\"timeout\":300000,\"authenticatorSelection\":{\"authenticatorAttachment\":"
            + "\"platform\",\"requireResidentKey\":true,\"residentKey\":\"required\",\"userVerification\":\"preferred\"}}},"
            + "\"displayNameFieldName\":\"traits.email\"}";
    /** {@code passkey_challenge} of a v26.2.0 native login flow. */
    static final String LOGIN_CHALLENGE = "{\"publicKey\":{\"challenge\":\"RI02IVlQoEm47qe1wFQ6PQ6NuGXe1IUIgi3l5BaQYzs\","
            + "\"timeout\":300000,\"rpId\":\"localhost\",\"userVerification\":\"preferred\"}}";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void registrationOptionsAreCredentialManagerJsonNamedAfterTheTraitKratosNames() throws Exception {
        PasskeyCreationOptions options = PasskeyCreationOptions.from(ui(input("passkey_create_data", REGISTRATION_CREATE_DATA)))
                .orElseThrow();
        PasskeyCreationOptions named = options.forTraits(Traits.email("ada@example.org"));

        JsonNode json = JSON.readTree(named.json());
        assertFalse(json.has("publicKey"), "Credential Manager takes the options without the wrapper");
        assertEquals("ada@example.org", json.path("user").path("name").asText());
        assertEquals("ada@example.org", json.path("user").path("displayName").asText());
        assertEquals(options.userIdBase64url(), json.path("user").path("id").asText(), "the user handle is kept");
        assertEquals("traits.email", options.displayNameField().orElseThrow());
        assertEquals("kratos-flows", options.userName(), "Kratos leaves its rp name until the app names the user");
        assertEquals("localhost", named.rpId().orElseThrow());
        assertEquals(-7, named.algorithms().get(0));
        assertEquals(Optional.of("required"), named.residentKey());
        assertEquals(Optional.of("platform"), named.authenticatorAttachment());
        assertEquals(Optional.of(Duration.ofMinutes(5)), named.timeout());
        assertArrayEquals(Base64.getUrlDecoder().decode("35wfs3O67tzZgoUzaGyitreLNICpBlq_ouG2S4V5aUE"), named.challenge());
        assertEquals(64, named.userId().length, "Kratos's user handles are 64 random characters");
        assertThrows(IllegalArgumentException.class, () -> options.forTraits(Traits.of(Map.of("name", "no email"))));
    }

    @Test
    void settingsOptionsHaveNoWrapperFieldAndAlreadyNameTheUser() {
        String settings = "{\"publicKey\":{\"rp\":{\"name\":\"kratos-flows\",\"id\":\"localhost\"},\"user\":{\"name\":"
                + "\"ada@example.org\",\"displayName\":\"ada@example.org\",\"id\":\"dXNlcg\"},\"challenge\":\"Y2hhbGxlbmdl\","
                + "\"excludeCredentials\":[{\"type\":\"public-key\",\"id\":\"Y3JlZA\"}]}}";

        PasskeyCreationOptions options = PasskeyCreationOptions.parse(settings);

        assertTrue(options.displayNameField().isEmpty());
        assertEquals(options, options.forTraits(Traits.email("ignored@example.org")));
        assertEquals("ada@example.org", options.userName());
        assertEquals(List.of("Y3JlZA"), options.excludeCredentialIds());
    }

    @Test
    void malformedOptionsAreRefusedWithWhatIsMissing() {
        assertTrue(PasskeyCreationOptions.from(ui()).isEmpty());
        assertTrue(PasskeyRequestOptions.from(ui(input("passkey_challenge", ""))).isEmpty());
        IllegalArgumentException notJson = assertThrows(IllegalArgumentException.class,
                () -> PasskeyCreationOptions.parse("{not json"));
        IllegalArgumentException noChallenge = assertThrows(IllegalArgumentException.class,
                () -> PasskeyRequestOptions.parse("{\"publicKey\":{\"rpId\":\"x\"}}"));
        IllegalArgumentException noUser = assertThrows(IllegalArgumentException.class,
                () -> PasskeyCreationOptions.parse("{\"publicKey\":{\"rp\":{},\"challenge\":\"Y2g\"}}"));

        assertTrue(notJson.getMessage().contains("not JSON"));
        assertTrue(noChallenge.getMessage().contains("challenge"));
        assertTrue(noUser.getMessage().contains("user"));
    }

    @Test
    void aSoftwareAuthenticatorsAnswersParseAndAnswerTheirChallenges() {
        SoftwareAuthenticator phone = SoftwareAuthenticator.withOrigin("android:apk-key-hash:abc");
        PasskeyCreationOptions creation = PasskeyCreationOptions.parse(REGISTRATION_CREATE_DATA)
                .forUser("ada@example.org", "Ada");
        PasskeyRequestOptions request = PasskeyRequestOptions.parse(LOGIN_CHALLENGE);

        PasskeyRegistration registration = PasskeyRegistration.parse(phone.register(creation.json()));
        PasskeyAssertion assertion = PasskeyAssertion.parse(phone.authenticate(request.json()));

        assertTrue(registration.answers(creation));
        assertFalse(registration.answers(PasskeyCreationOptions.parse(REGISTRATION_CREATE_DATA.replace("35wf", "XXXX"))));
        assertEquals(new ClientData("webauthn.create", creation.challengeBase64url(), "android:apk-key-hash:abc"),
                registration.clientData());
        assertTrue(assertion.answers(request));
        assertEquals(registration.credentialId(), assertion.credentialId());
        assertEquals(creation.userIdBase64url(), assertion.userHandle(), "the handle Kratos finds the account by");
        assertTrue(assertion.toString().contains(assertion.credentialId()));
    }

    @Test
    void invalidResponsesListEveryProblemAndSendNothing() throws Exception {
        InvalidInputException empty = assertThrows(InvalidInputException.class, () -> PasskeyAssertion.parse("[]"));
        SoftwareAuthenticator phone = SoftwareAuthenticator.withOrigin("http://localhost:4455");
        phone.register(PasskeyCreationOptions.parse(REGISTRATION_CREATE_DATA).json());
        ObjectNode assertion = (ObjectNode) JSON.readTree(phone.authenticate(PasskeyRequestOptions.parse(LOGIN_CHALLENGE).json()));
        assertion.put("type", "password");
        ((ObjectNode) assertion.path("response")).remove("userHandle");
        InvalidInputException wrong = assertThrows(InvalidInputException.class, () -> PasskeyAssertion.parse(assertion.toString()));
        InvalidInputException registrationAsAssertion = assertThrows(InvalidInputException.class,
                () -> PasskeyRegistration.parse(phone.authenticate(PasskeyRequestOptions.parse(LOGIN_CHALLENGE).json())));

        assertEquals(List.of("json: must be a JSON object"), empty.violations());
        assertEquals(List.of("response.userHandle: must be base64url (Kratos finds the account by it)", "type: must be public-key"),
                wrong.violations());
        assertTrue(registrationAsAssertion.violations().contains("response.attestationObject: must be base64url"));
        assertTrue(registrationAsAssertion.violations().stream().anyMatch(v -> v.startsWith("response.clientDataJSON.type")));
    }

    @Test
    void iosPartsBecomeTheSameJsonShape() {
        byte[] clientData = "{\"type\":\"webauthn.get\",\"challenge\":\"Y2g\",\"origin\":\"https://example.com\"}"
                .getBytes(StandardCharsets.UTF_8);
        PasskeyAssertion assertion = PasskeyAssertion.of(new byte[] {1, 2}, clientData, new byte[37], new byte[] {9},
                "user".getBytes(StandardCharsets.UTF_8));
        byte[] createData = new String(clientData, StandardCharsets.UTF_8).replace("webauthn.get", "webauthn.create")
                .getBytes(StandardCharsets.UTF_8);
        PasskeyRegistration registration = PasskeyRegistration.of(new byte[] {1, 2}, createData, new byte[] {(byte) 0xa0});

        assertEquals("AQI", assertion.credentialId());
        assertEquals("dXNlcg", assertion.userHandle());
        assertEquals("https://example.com", registration.clientData().origin());
    }

    @Test
    void settingsListPasskeysByKratossHexIdsAndFlowsNameFailures() {
        UiMessage label = new UiMessage(1050020, MessageType.INFO, "info", "Remove passkey",
                Map.of("display_name", "unnamed", "added_at", "2026-12-02T01:53:00Z"));
        UiNode removable = new UiNode(NodeType.INPUT, "input", "passkey", new NodeAttributes.Input("passkey_remove", "submit",
                Optional.of("0102ff"), false, false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                List.of(), Optional.of(label));
        UiNode last = new UiNode(NodeType.INPUT, "input", "passkey", new NodeAttributes.Input("passkey_remove", "submit",
                Optional.of("aa"), false, true, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                List.of(), Optional.empty());
        Ui failed = new Ui("http://k/self-service/login?flow=1", "POST", List.of(),
                List.of(new UiMessage(4000015, MessageType.ERROR, "error", "no account", Map.of())));

        List<RegisteredPasskey> passkeys = RegisteredPasskey.in(new Ui("a", "POST", List.of(removable, last), List.of()));

        assertEquals(List.of(new RegisteredPasskey("0102ff", Optional.of("unnamed"),
                Optional.of(Instant.parse("2026-12-02T01:53:00Z")), true),
                new RegisteredPasskey("aa", Optional.empty(), Optional.empty(), false)), passkeys);
        assertTrue(passkeys.get(0).hasCredentialId("AQL_"));
        assertEquals(Optional.of(PasskeyFailure.UNKNOWN_PASSKEY), PasskeyFailure.in(failed));
        assertEquals(Optional.empty(), PasskeyFailure.in(new Ui("a", "POST", List.of(), List.of())));
    }

    @Test
    void aRejectedAssertionIsRecognisedByTheMessageOfV26AndOfTheDevelopmentLine() {
        for (long id : new long[] {4000008, 4000043}) {
            Ui refused = new Ui("http://k/self-service/login?flow=1", "POST", List.of(),
                    List.of(new UiMessage(id, MessageType.ERROR, "error", "invalid", Map.of())));
            assertEquals(Optional.of(PasskeyFailure.ASSERTION_REJECTED), PasskeyFailure.in(refused), "message " + id);
        }
        assertEquals(4000008, PasskeyFailure.ASSERTION_REJECTED.messageId());
    }

    private static UiNode input(String name, String value) {
        return new UiNode(NodeType.INPUT, "input", "passkey", new NodeAttributes.Input(name, "hidden", Optional.of(value),
                false, false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), List.of(), Optional.empty());
    }

    private static Ui ui(UiNode... nodes) {
        return new Ui("http://k/self-service/registration?flow=1", "POST", List.of(nodes), List.of());
    }
}
