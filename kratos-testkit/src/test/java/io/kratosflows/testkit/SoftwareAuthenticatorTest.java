package io.kratosflows.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The software authenticator's output, checked the way a relying party (go-webauthn in Kratos) reads it. */
class SoftwareAuthenticatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CBORMapper CBOR = new CBORMapper();
    private static final String CREATE = "{\"rp\":{\"name\":\"t\",\"id\":\"localhost\"},\"user\":{\"name\":\"ada\","
            + "\"displayName\":\"Ada\",\"id\":\"dXNlci1oYW5kbGU\"},\"challenge\":\"Y3JlYXRlLWNoYWxsZW5nZQ\","
            + "\"pubKeyCredParams\":[{\"type\":\"public-key\",\"alg\":-7}]}";
    private static final String GET = "{\"challenge\":\"Z2V0LWNoYWxsZW5nZQ\",\"rpId\":\"localhost\"}";

    @Test
    void registrationIsANoneAttestationWithAttestedP256Key() throws Exception {
        SoftwareAuthenticator phone = SoftwareAuthenticator.withOrigin("http://localhost:4455");

        JsonNode credential = JSON.readTree(phone.register(CREATE));
        JsonNode response = credential.path("response");
        JsonNode attestation = CBOR.readTree(b64(response.path("attestationObject").asText()));
        byte[] authData = attestation.path("authData").binaryValue();
        JsonNode clientData = JSON.readTree(b64(response.path("clientDataJSON").asText()));

        assertEquals("public-key", credential.path("type").asText());
        assertEquals(credential.path("id").asText(), credential.path("rawId").asText());
        assertEquals("none", attestation.path("fmt").asText());
        assertTrue(attestation.path("attStmt").isObject() && attestation.path("attStmt").isEmpty());
        assertArrayEquals(SoftwareAuthenticator.sha256("localhost".getBytes(StandardCharsets.UTF_8)),
                Arrays.copyOfRange(authData, 0, 32), "rpIdHash");
        assertEquals(0x45, authData[32], "flags UP | UV | AT");
        assertEquals(0, ByteBuffer.wrap(authData, 33, 4).getInt(), "signCount");
        int idLength = ByteBuffer.wrap(authData, 53, 2).getShort();
        assertArrayEquals(b64(credential.path("id").asText()), Arrays.copyOfRange(authData, 55, 55 + idLength));
        JsonNode cose = CBOR.readTree(Arrays.copyOfRange(authData, 55 + idLength, authData.length));
        assertEquals(2, cose.path("1").asInt(), "kty EC2");
        assertEquals(-7, cose.path("3").asInt(), "alg ES256");
        assertEquals(1, cose.path("-1").asInt(), "crv P-256");
        assertEquals(32, cose.path("-2").binaryValue().length);
        assertEquals(32, cose.path("-3").binaryValue().length);
        assertEquals("webauthn.create", clientData.path("type").asText());
        assertEquals("Y3JlYXRlLWNoYWxsZW5nZQ", clientData.path("challenge").asText());
        assertEquals("http://localhost:4455", clientData.path("origin").asText());
        assertEquals(-7, response.path("publicKeyAlgorithm").asInt());
        assertEquals("ada", phone.credentials().get(0).userName().orElseThrow());
    }

    @Test
    void assertionsVerifyWithTheRegisteredKeyAndCarryTheUserHandle() throws Exception {
        SoftwareAuthenticator phone = SoftwareAuthenticator.withOrigin("http://localhost:4455");
        JsonNode registered = JSON.readTree(phone.register(CREATE));
        PublicKey key = KeyFactory.getInstance("EC").generatePublic(
                new X509EncodedKeySpec(b64(registered.path("response").path("publicKey").asText())));

        JsonNode first = JSON.readTree(phone.authenticate(GET)).path("response");
        JsonNode second = JSON.readTree(phone.authenticate(GET)).path("response");
        byte[] authData = b64(first.path("authenticatorData").asText());
        byte[] clientData = b64(first.path("clientDataJSON").asText());
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(key);
        verifier.update(authData);
        verifier.update(SoftwareAuthenticator.sha256(clientData));

        assertTrue(verifier.verify(b64(first.path("signature").asText())), "signature over authData || SHA-256(clientData)");
        assertEquals(37, authData.length, "no attested data in an assertion");
        assertEquals(0x05, authData[32], "flags UP | UV");
        assertEquals(1, ByteBuffer.wrap(authData, 33, 4).getInt());
        assertEquals(2, ByteBuffer.wrap(b64(second.path("authenticatorData").asText()), 33, 4).getInt(), "counter grows");
        assertEquals("dXNlci1oYW5kbGU", first.path("userHandle").asText());
        assertEquals("webauthn.get", JSON.readTree(clientData).path("type").asText());
    }

    @Test
    void refusesWhatAPlatformRefuses() {
        SoftwareAuthenticator phone = SoftwareAuthenticator.withOrigin("http://localhost:4455");
        assertThrows(IllegalArgumentException.class, () -> phone.authenticate(GET), "no credential yet");
        JsonNode created = readUnchecked(phone.register(CREATE));
        String excluding = CREATE.replace("\"pubKeyCredParams\"", "\"excludeCredentials\":[{\"type\":\"public-key\",\"id\":\""
                + created.path("id").asText() + "\"}],\"pubKeyCredParams\"");

        assertThrows(IllegalArgumentException.class, () -> phone.register(excluding), "already registered");
        assertThrows(IllegalArgumentException.class, () -> phone.register(CREATE.replace("-7", "-257")), "RS256 only");
        assertThrows(IllegalArgumentException.class, () -> phone.register("{\"publicKey\":" + CREATE + "}"), "wrapped");
        assertThrows(IllegalArgumentException.class, () -> phone.authenticate(GET.replace("localhost", "example.com")));
    }

    private static JsonNode readUnchecked(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] b64(String text) {
        return Base64.getUrlDecoder().decode(text);
    }
}
