package io.kratosflows.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * A software passkey authenticator for tests: what a phone's platform authenticator and the
 * operating system's WebAuthn client do together, in memory. It takes the options JSON a relying
 * party sends ({@code PublicKeyCredentialCreationOptionsJSON} / {@code
 * PublicKeyCredentialRequestOptionsJSON}, the form Android Credential Manager takes) and returns
 * exactly the {@code RegistrationResponseJSON} / {@code AuthenticationResponseJSON} a platform
 * returns, with base64url fields.
 *
 * <ul>
 *   <li>keys: EC P-256 from the JDK's {@link KeyPairGenerator}, signatures SHA256withECDSA (COSE
 *       alg -7, ES256) over {@code authenticatorData || SHA-256(clientDataJSON)};</li>
 *   <li>attestation: format {@code none} (empty {@code attStmt}), CBOR written by Jackson's CBOR
 *       generator with definite lengths, as CTAP2 requires;</li>
 *   <li>authenticator data: SHA-256 of the rp id, flags UP and UV (plus AT at registration), a
 *       signature counter, and at registration the attested credential data (zero AAGUID,
 *       credential id, COSE_Key);</li>
 *   <li>client data: {@code type}, {@code challenge} (as sent), {@code origin} (the one given at
 *       creation, e.g. {@code http://localhost:4455} or {@code android:apk-key-hash:...}) and
 *       {@code crossOrigin: false}.</li>
 * </ul>
 *
 * <p>Credentials are discoverable (resident) and kept per rp id; an assertion uses the newest
 * credential the request allows. Thread-safe. Test-only: keys live in memory and nothing asks a
 * user for consent.
 */
public final class SoftwareAuthenticator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CBORFactory CBOR = new CBORFactory();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ES256 = -7;
    private static final byte FLAG_UP = 0x01;
    private static final byte FLAG_UV = 0x04;
    private static final byte FLAG_AT = 0x40;

    private final String origin;
    private final List<StoredCredential> credentials = new CopyOnWriteArrayList<>();

    private SoftwareAuthenticator(String origin) {
        this.origin = origin;
    }

    /**
     * An authenticator whose client reports {@code origin} in its client data: a web origin such as
     * {@code http://localhost:4455}, or an Android app's {@code android:apk-key-hash:<base64url>}.
     */
    public static SoftwareAuthenticator withOrigin(String origin) {
        Objects.requireNonNull(origin, "origin");
        if (origin.isBlank()) {
            throw new IllegalArgumentException("origin must not be blank");
        }
        return new SoftwareAuthenticator(origin);
    }

    /** The origin this authenticator's client reports. */
    public String origin() {
        return origin;
    }

    /** The credentials created so far, oldest first. */
    public List<Credential> credentials() {
        return credentials.stream().map(StoredCredential::describe).toList();
    }

    /**
     * Creates a credential ({@code navigator.credentials.create}) for the creation options and
     * returns the {@code RegistrationResponseJSON}.
     *
     * @param creationOptionsJson {@code PublicKeyCredentialCreationOptionsJSON}: {@code rp},
     *                            {@code user}, {@code challenge}, {@code pubKeyCredParams}, ...
     *                            (without the {@code publicKey} wrapper)
     * @throws IllegalArgumentException when the options lack a field, offer no ES256, or exclude a
     *                                  credential this authenticator holds (WebAuthn's
     *                                  {@code InvalidStateError})
     */
    public String register(String creationOptionsJson) {
        JsonNode options = readOptions(creationOptionsJson);
        String challenge = text(options, "challenge");
        String rpId = options.path("rp").path("id").asText(defaultRpId());
        byte[] userHandle = base64url(text(options.path("user"), "id"), "user.id");
        boolean es256 = StreamSupport.stream(options.path("pubKeyCredParams").spliterator(), false)
                .anyMatch(p -> "public-key".equals(p.path("type").asText()) && p.path("alg").asInt() == ES256);
        if (!es256) {
            throw new IllegalArgumentException("pubKeyCredParams offers no ES256 (alg -7); this authenticator makes P-256 keys only");
        }
        Set<String> excluded = ids(options.path("excludeCredentials"));
        if (credentials.stream().anyMatch(c -> c.rpId().equals(rpId) && excluded.contains(c.idBase64url()))) {
            throw new IllegalArgumentException("InvalidStateError: a credential in excludeCredentials is already on this authenticator");
        }
        KeyPair keys = newKeyPair();
        byte[] credentialId = new byte[32];
        RANDOM.nextBytes(credentialId);
        StoredCredential credential = new StoredCredential(credentialId, rpId, userHandle,
                options.path("user").path("name").asText(""), keys, new AtomicLong());
        byte[] clientData = clientData("webauthn.create", challenge);
        byte[] coseKey = coseKey((ECPublicKey) keys.getPublic());
        byte[] authData = ByteBuffer.allocate(37 + 16 + 2 + credentialId.length + coseKey.length)
                .put(sha256(rpId.getBytes(StandardCharsets.UTF_8)))
                .put((byte) (FLAG_UP | FLAG_UV | FLAG_AT))
                .putInt(0)
                .put(new byte[16])                       // AAGUID: zero, as for "none" attestation
                .putShort((short) credentialId.length)
                .put(credentialId)
                .put(coseKey)
                .flip().array();
        credentials.add(credential);

        ObjectNode response = JSON.createObjectNode()
                .put("clientDataJSON", b64(clientData))
                .put("attestationObject", b64(attestationObject(authData)))
                .put("authenticatorData", b64(authData))
                .put("publicKey", b64(keys.getPublic().getEncoded()))
                .put("publicKeyAlgorithm", ES256);
        response.putArray("transports").add("internal").add("hybrid");
        return credentialJson(credentialId, response);
    }

    /**
     * Signs an assertion ({@code navigator.credentials.get}) for the request options and returns the
     * {@code AuthenticationResponseJSON}, with the credential's user handle.
     *
     * @param requestOptionsJson {@code PublicKeyCredentialRequestOptionsJSON}: {@code challenge},
     *                           {@code rpId}, {@code allowCredentials} (empty for discoverable login)
     * @throws IllegalArgumentException when no credential fits (WebAuthn's {@code NotAllowedError})
     */
    public String authenticate(String requestOptionsJson) {
        JsonNode options = readOptions(requestOptionsJson);
        String challenge = text(options, "challenge");
        String rpId = options.path("rpId").asText(defaultRpId());
        Set<String> allowed = ids(options.path("allowCredentials"));
        List<StoredCredential> candidates = new ArrayList<>(credentials.stream()
                .filter(c -> c.rpId().equals(rpId) && (allowed.isEmpty() || allowed.contains(c.idBase64url())))
                .toList());
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("NotAllowedError: no credential for rp id '" + rpId + "'"
                    + (allowed.isEmpty() ? "" : " among the " + allowed.size() + " allowed"));
        }
        StoredCredential credential = candidates.get(candidates.size() - 1);
        byte[] clientData = clientData("webauthn.get", challenge);
        byte[] authData = ByteBuffer.allocate(37)
                .put(sha256(rpId.getBytes(StandardCharsets.UTF_8)))
                .put((byte) (FLAG_UP | FLAG_UV))
                .putInt((int) credential.signCount().incrementAndGet())
                .array();
        byte[] signature = sign(credential.keys(), concat(authData, sha256(clientData)));
        ObjectNode response = JSON.createObjectNode()
                .put("clientDataJSON", b64(clientData))
                .put("authenticatorData", b64(authData))
                .put("signature", b64(signature))
                .put("userHandle", b64(credential.userHandle()));
        return credentialJson(credential.id(), response);
    }

    /** Forgets every credential, as when the user deletes their passkeys on the device. */
    public void reset() {
        credentials.clear();
    }

    @Override
    public String toString() {
        return "SoftwareAuthenticator[origin=" + origin + ", credentials=" + credentials.size() + "]";
    }

    // ---- encoding ----

    private byte[] clientData(String type, String challenge) {
        // Field order as browsers and platforms write it; the relying party hashes the exact bytes.
        ObjectNode data = JSON.createObjectNode().put("type", type).put("challenge", challenge)
                .put("origin", origin).put("crossOrigin", false);
        return data.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String credentialJson(byte[] credentialId, ObjectNode response) {
        ObjectNode credential = JSON.createObjectNode()
                .put("id", b64(credentialId))
                .put("rawId", b64(credentialId))
                .put("type", "public-key")
                .put("authenticatorAttachment", "platform");
        credential.set("response", response);
        credential.putObject("clientExtensionResults");
        return credential.toString();
    }

    /** {@code {"fmt": "none", "attStmt": {}, "authData": h'...'}} in CTAP2 canonical key order. */
    private static byte[] attestationObject(byte[] authData) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator cbor = CBOR.createGenerator(out)) {
            cbor.writeStartObject(null, 3);
            cbor.writeFieldName("fmt");
            cbor.writeString("none");
            cbor.writeFieldName("attStmt");
            cbor.writeStartObject(null, 0);
            cbor.writeEndObject();
            cbor.writeFieldName("authData");
            cbor.writeBinary(authData);
            cbor.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the attestation object", e);
        }
        return out.toByteArray();
    }

    /** The COSE_Key of an EC2 P-256 public key: kty 2, alg -7, crv 1, x, y (RFC 9053). */
    static byte[] coseKey(ECPublicKey key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator cbor = CBOR.createGenerator(out)) {
            cbor.writeStartObject(null, 5);
            cbor.writeFieldId(1);
            cbor.writeNumber(2);
            cbor.writeFieldId(3);
            cbor.writeNumber(ES256);
            cbor.writeFieldId(-1);
            cbor.writeNumber(1);
            cbor.writeFieldId(-2);
            cbor.writeBinary(unsigned32(key.getW().getAffineX()));
            cbor.writeFieldId(-3);
            cbor.writeBinary(unsigned32(key.getW().getAffineY()));
            cbor.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the COSE key", e);
        }
        return out.toByteArray();
    }

    private static byte[] unsigned32(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] fixed = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, fixed, 32 - copy, copy);
        return fixed;
    }

    // ---- helpers ----

    private String defaultRpId() {
        // WebAuthn: the rp id defaults to the origin's effective domain.
        URI uri = URI.create(origin);
        return uri.getHost() != null ? uri.getHost() : origin;
    }

    private static JsonNode readOptions(String json) {
        Objects.requireNonNull(json, "options json");
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("options must be a JSON object");
            }
            if (node.has("publicKey")) {
                throw new IllegalArgumentException("pass the options without the 'publicKey' wrapper,"
                        + " as Credential Manager takes them");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("options are not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalArgumentException("options lack '" + field + "'");
        }
        return value.asText();
    }

    private static Set<String> ids(JsonNode descriptors) {
        return StreamSupport.stream(descriptors.spliterator(), false).map(d -> d.path("id").asText())
                .map(id -> b64(base64url(id, "credential id"))).collect(Collectors.toSet());
    }

    private static byte[] base64url(String text, String what) {
        try {
            return Base64.getUrlDecoder().decode(text.replace("=", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not base64url", e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is part of every JDK", e);
        }
    }

    private static byte[] sign(KeyPair keys, byte[] data) {
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate(), RANDOM);
            signer.update(data);
            return signer.sign(); // ASN.1 DER, as WebAuthn expects for ES256
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA256withECDSA is part of every JDK", e);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
    }

    private record StoredCredential(byte[] id, String rpId, byte[] userHandle, String userName, KeyPair keys,
                                    AtomicLong signCount) {
        String idBase64url() {
            return b64(id);
        }

        Credential describe() {
            return new Credential(b64(id), HexFormat.of().formatHex(id), rpId, b64(userHandle),
                    userName.isEmpty() ? Optional.empty() : Optional.of(userName), signCount.get());
        }
    }

    /**
     * A credential this authenticator holds (no key material).
     *
     * @param id         the credential id, base64url (the {@code id} of responses)
     * @param idHex      the credential id in lower-case hex, as Kratos names it in settings
     *                   ({@code passkey_remove})
     * @param rpId       the relying party id it is bound to
     * @param userHandle the user handle, base64url
     * @param userName   the {@code user.name} it was created with, when one was given
     * @param signCount  the signature counter after the last assertion
     */
    public record Credential(String id, String idHex, String rpId, String userHandle, Optional<String> userName,
                             long signCount) {
        /** Requires every component. */
        public Credential {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(idHex, "idHex");
            Objects.requireNonNull(rpId, "rpId");
            Objects.requireNonNull(userHandle, "userHandle");
            Objects.requireNonNull(userName, "userName");
        }
    }
}
