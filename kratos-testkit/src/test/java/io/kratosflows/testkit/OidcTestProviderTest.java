package io.kratosflows.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The test provider speaks OpenID Connect as a relying party expects: discovery, code + PKCE, verifiable id tokens. */
class OidcTestProviderTest {

    private static final OidcTestProvider PROVIDER = OidcTestProvider.start();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REDIRECT = "http://127.0.0.1:1/callback";
    private static final String VERIFIER = "a-pkce-verifier-that-is-long-enough-for-rfc-7636-0123456789";

    @AfterAll
    static void stop() {
        PROVIDER.close();
    }

    @Test
    void discoveryNamesTheEndpoints() throws Exception {
        JsonNode doc = JSON.readTree(get(PROVIDER.issuer() + "/.well-known/openid-configuration").body());

        assertEquals(PROVIDER.issuer().toString(), doc.path("issuer").asText());
        assertEquals(PROVIDER.issuer() + "/token", doc.path("token_endpoint").asText());
        assertEquals("S256", doc.path("code_challenge_methods_supported").get(0).asText());
    }

    @Test
    void aScriptedSignInYieldsACodeForAVerifiableIdToken() throws Exception {
        PROVIDER.answerNext(OidcTestProvider.Answer.signIn(OidcTestProvider.User.of("sub-1", "ada@example.org")));

        Map<String, String> back = authorize("state-1", "nonce-1");
        HttpResponse<String> wrongVerifier = token(back.get("code"), "not-the-verifier");
        PROVIDER.answerNext(OidcTestProvider.Answer.signIn(OidcTestProvider.User.of("sub-1", "ada@example.org")));
        Map<String, String> again = authorize("state-2", "nonce-2");
        JsonNode tokens = JSON.readTree(token(again.get("code"), VERIFIER).body());
        SignedJWT idToken = SignedJWT.parse(tokens.path("id_token").asText());
        RSAKey key = JWKSet.parse(get(PROVIDER.issuer() + "/jwks").body()).getKeys().get(0).toRSAKey();
        HttpResponse<String> userinfo = HTTP.send(HttpRequest.newBuilder(URI.create(PROVIDER.issuer() + "/userinfo"))
                .header("Authorization", "Bearer " + tokens.path("access_token").asText()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals("state-1", back.get("state"));
        assertEquals(400, wrongVerifier.statusCode(), "PKCE is checked (and the code is spent)");
        assertTrue(idToken.verify(new RSASSAVerifier(key)));
        assertEquals(PROVIDER.issuer().toString(), idToken.getJWTClaimsSet().getIssuer());
        assertEquals(PROVIDER.clientId(), idToken.getJWTClaimsSet().getAudience().get(0));
        assertEquals("nonce-2", idToken.getJWTClaimsSet().getStringClaim("nonce"));
        assertEquals("ada@example.org", idToken.getJWTClaimsSet().getStringClaim("email"));
        assertEquals("sub-1", JSON.readTree(userinfo.body()).path("sub").asText());
        assertTrue(PROVIDER.requests().contains("POST /token"));
    }

    @Test
    void errorsAndUnscriptedRequestsRedirectWithAnOauthError() throws Exception {
        PROVIDER.answerNext(OidcTestProvider.Answer.error("access_denied", "no"));

        Map<String, String> denied = authorize("s", "n");
        Map<String, String> unscripted = authorize("s", "n");

        assertEquals("access_denied", denied.get("error"));
        assertEquals("s", denied.get("state"));
        assertEquals("login_required", unscripted.get("error"));
    }

    @Test
    void fedcmTestTokensAreHs256WithKratossTestKey() throws Exception {
        SignedJWT token = SignedJWT.parse(PROVIDER.fedcmTestIdToken(OidcTestProvider.User.of("s", "a@example.org"), "n"));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(OidcTestProvider.FEDCM_TEST_KEY.getBytes(StandardCharsets.US_ASCII),
                "HmacSHA256"));

        byte[] expected = mac.doFinal(token.getSigningInput());
        assertEquals("HS256", token.getHeader().getAlgorithm().getName());
        assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(expected), token.getSignature().toString());
        assertEquals("n", token.getJWTClaimsSet().getStringClaim("nonce"));
    }

    private static Map<String, String> authorize(String state, String nonce) throws Exception {
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(VERIFIER.getBytes(StandardCharsets.US_ASCII)));
        HttpResponse<String> response = get(PROVIDER.issuer() + "/authorize?response_type=code&client_id="
                + PROVIDER.clientId() + "&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8)
                + "&scope=openid+email&state=" + state + "&nonce=" + nonce + "&code_challenge=" + challenge
                + "&code_challenge_method=S256");
        assertEquals(302, response.statusCode());
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertTrue(location.toString().startsWith(REDIRECT + "?"));
        return OidcTestProvider.parseForm(location.getRawQuery());
    }

    private static HttpResponse<String> token(String code, String verifier) throws Exception {
        String form = "grant_type=authorization_code&code=" + code + "&redirect_uri="
                + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8) + "&code_verifier=" + verifier;
        String basic = Base64.getEncoder().encodeToString((PROVIDER.clientId() + ":" + PROVIDER.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create(PROVIDER.issuer() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
