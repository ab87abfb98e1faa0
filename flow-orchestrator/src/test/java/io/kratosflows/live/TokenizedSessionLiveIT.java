package io.kratosflows.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.Kratos;
import io.kratosflows.SessionToken;
import io.kratosflows.error.KratosErrorException;
import io.kratosflows.session.SessionJwt;
import io.kratosflows.session.TokenizeAs;
import io.kratosflows.session.WhoamiOutcome;
import io.kratosflows.testkit.KratosServer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * whoami as a JWT ({@code tokenize_as}): the server signs with an ES256 key generated here and
 * handed over as a {@code base64://} JWKS, with a claims mapper adding the email; the token is
 * verified here with the public half of that key.
 */
class TokenizedSessionLiveIT {

    private static final KeyPair KEY = newKey();
    private static final String MAPPER = "local claims = std.extVar('claims');\n"
            + "local session = std.extVar('session');\n"
            + "{ claims: claims + { email: session.identity.traits.email } }\n";

    static final KratosServer SERVER = KratosServer.builder().name("tokenizer")
            .set("session.whoami.tokenizer.templates.downstream", Map.of(
                    "jwks_url", "base64://" + b64(jwks(KEY)),
                    "claims_mapper_url", "base64://" + b64(MAPPER),
                    "ttl", "10m"))
            .build();

    @RegisterExtension
    static final Live LIVE = Live.on(SERVER);
    private static Kratos kratos;

    @BeforeAll
    static void connect() {
        kratos = LIVE.kratos();
    }


    @Test
    void whoamiReturnsTheSessionAsAJwtSignedWithTheTemplatesKey() throws GeneralSecurityException {
        String email = Live.newEmail("jwt");
        SessionToken token = LIVE.register(email, Live.PASSWORD);

        var active = assertInstanceOf(WhoamiOutcome.Active.class, kratos.sessions().whoami(token, TokenizeAs.template("downstream")));
        var plain = assertInstanceOf(WhoamiOutcome.Active.class, kratos.sessions().whoami(token));

        SessionJwt jwt = active.tokenized().orElseThrow();
        assertTrue(verifies(jwt.reveal()), "signed with the template's key");
        assertEquals(active.session().id(), jwt.sessionId().orElseThrow());
        assertEquals(active.session().identity().orElseThrow().id().value(), jwt.subject().orElseThrow());
        assertEquals(email, jwt.claims().get("email"), "the claims mapper ran");
        Instant expires = jwt.expiresAt().orElseThrow();
        assertTrue(expires.isAfter(Instant.now().plus(Duration.ofMinutes(9))) && expires.isBefore(Instant.now().plus(Duration.ofMinutes(11))),
                "ttl 10m: " + expires);
        assertFalse(active.toString().contains(jwt.reveal()), "a bearer credential never prints");
        assertTrue(plain.tokenized().isEmpty(), "no JWT unless asked for");
        assertEquals(active.session().identity().orElseThrow().id(), active.authenticatedIdentityId().orElseThrow());
    }

    @Test
    void anUnknownTemplateIsAKratosError() {
        SessionToken token = LIVE.register(Live.newEmail("jwt-unknown"), Live.PASSWORD);

        var e = assertThrows(KratosErrorException.class, () -> kratos.sessions().whoami(token, TokenizeAs.template("nope")));

        assertEquals(400, e.status());
    }

    private static boolean verifies(String compact) throws GeneralSecurityException {
        String[] parts = compact.split("\\.");
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initVerify(KEY.getPublic());
        es256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return es256.verify(Base64.getUrlDecoder().decode(parts[2]));
    }

    private static KeyPair newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 is part of every JDK", e);
        }
    }

    /** The JWKS of one ES256 key with its private part, as Kratos's tokenizer needs it. */
    private static String jwks(KeyPair key) {
        ECPublicKey pub = (ECPublicKey) key.getPublic();
        ECPrivateKey priv = (ECPrivateKey) key.getPrivate();
        return "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"alg\":\"ES256\",\"use\":\"sig\",\"kid\":\"kratos-flows-test\","
                + "\"x\":\"" + coordinate(pub.getW().getAffineX()) + "\",\"y\":\"" + coordinate(pub.getW().getAffineY())
                + "\",\"d\":\"" + coordinate(priv.getS()) + "\"}]}";
    }

    private static String coordinate(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[32]; // P-256 coordinates are 32 bytes, big-endian, without the sign byte
        int copy = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - copy, fixed, 32 - copy, copy);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
