package io.kratosflows.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A small OpenID Connect provider on loopback, for tests of social sign-in against a real Kratos:
 * discovery ({@code /.well-known/openid-configuration}), authorization ({@code /authorize}),
 * token ({@code /token}, authorization code with PKCE), JWKS ({@code /jwks}) and userinfo
 * ({@code /userinfo}). Id tokens are RS256, signed with a fresh 2048-bit key by Nimbus JOSE+JWT.
 *
 * <p>There is no login page: each authorization request takes the next scripted {@link Answer}
 * (sign in as a {@link User}, or an OAuth 2.0 error such as {@code access_denied}) and redirects to
 * the client's {@code redirect_uri} at once, as a provider does for a user who already has a
 * session and has consented. With no answer scripted it answers {@code login_required}, so a test
 * that forgot to script the user fails with a clear error instead of signing someone in.
 *
 * <pre>{@code
 * @RegisterExtension @Order(1)
 * static final OidcTestProvider PROVIDER = OidcTestProvider.start();
 * @RegisterExtension @Order(2)
 * static final KratosServer KRATOS = KratosServer.builder().oidcProvider("test", PROVIDER).build();
 * ...
 * PROVIDER.answerNext(OidcTestProvider.Answer.signIn(OidcTestProvider.User.of("sub-1", "ada@example.org")));
 * }</pre>
 *
 * <p>Thread-safe. Codes and access tokens are single-use and live in memory; {@link #close()}
 * stops the server (as does JUnit after the class, when the provider is a
 * {@code @RegisterExtension} field). Not for production: it trusts every client that knows {@link #clientId()}.
 */
public final class OidcTestProvider implements AutoCloseable, AfterAllCallback {

    /**
     * The HS256 key of Kratos's {@code fedcm-test} provider type (Kratos v25.4+,
     * {@code selfservice/strategy/oidc/provider_test_fedcm.go}), which accepts id tokens signed with
     * it: the one provider type whose id-token verification can be pointed at a test issuer.
     */
    static final String FEDCM_TEST_KEY = "xxxxxxx";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final URI issuer;
    private final String clientId;
    private final String clientSecret;
    private final RSAKey signingKey;
    private final Deque<Answer> answers = new ConcurrentLinkedDeque<>();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, User> accessTokens = new ConcurrentHashMap<>();
    private final List<String> requestLog = new CopyOnWriteArrayList<>();

    private OidcTestProvider(HttpServer server, String clientId, String clientSecret, RSAKey signingKey) {
        this.server = server;
        this.issuer = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.signingKey = signingKey;
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/jwks", this::jwks);
        server.createContext("/userinfo", this::userinfo);
        server.start();
    }

    /** Starts a provider on a free loopback port with a random client id and secret. */
    public static OidcTestProvider start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            RSAKey key = new RSAKeyGenerator(2048).keyID("kratos-flows-test-" + randomToken(4)).generate();
            return new OidcTestProvider(server, "kratos-flows-" + randomToken(6), randomToken(24), key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the OpenID Connect test provider", e);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the provider's RSA key", e);
        }
    }

    /** The issuer URL, for example {@code http://127.0.0.1:41234}: Kratos's {@code issuer_url}. */
    public URI issuer() {
        return issuer;
    }

    /** The client id Kratos must use. */
    public String clientId() {
        return clientId;
    }

    /** The client secret Kratos must use (test-only; not a real secret). */
    public String clientSecret() {
        return clientSecret;
    }

    /** Scripts the answer to the next authorization request; answers are used in order, once each. */
    public OidcTestProvider answerNext(Answer answer) {
        answers.addLast(Objects.requireNonNull(answer, "answer"));
        return this;
    }

    /** Forgets answers that no authorization request used. */
    public void clearAnswers() {
        answers.clear();
    }

    /** Method and path (no query) of every request received, in order: what Kratos called. */
    public List<String> requests() {
        return List.copyOf(requestLog);
    }

    /**
     * An RS256 id token for {@code user}, issued by this provider for its client, as a native SDK
     * would obtain it (for Kratos's native id-token sign-in with a provider that verifies against
     * this issuer's JWKS).
     */
    public String idToken(User user, Optional<String> nonce) {
        return sign(claims(user, issuer.toString(), clientId, nonce), new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(signingKey.getKeyID()).build(), rsaSigner());
    }

    /**
     * An id token that Kratos's {@code fedcm-test} provider type accepts (HS256 with that type's fixed
     * key; Kratos replaces the issuer with its own constant). Used to prove native id-token sign-in
     * end to end, since the production types with id-token support (Google, Apple) verify against
     * their fixed public JWKS URLs.
     */
    public String fedcmTestIdToken(User user, String nonce) {
        Objects.requireNonNull(nonce, "nonce");
        // Nimbus rightly refuses HMAC keys under 256 bits; Kratos's test key has 56, so the
        // signature is computed directly over Nimbus's encoding of header and claims.
        String signingInput = new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build()
                .toBase64URL() + "." + Base64URL.encode(claims(user, "https://example.com/fedcm", clientId,
                        Optional.of(nonce)).toString());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(FEDCM_TEST_KEY.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return signingInput + "." + Base64URL.encode(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Stops the provider after the test class when it is registered with {@code @RegisterExtension}. */
    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public String toString() {
        return "OidcTestProvider[issuer=" + issuer + ", clientId=" + clientId + "]";
    }

    // ---- endpoints ----

    private void discovery(HttpExchange exchange) throws IOException {
        log(exchange);
        ObjectNode doc = JSON.createObjectNode()
                .put("issuer", issuer.toString())
                .put("authorization_endpoint", issuer + "/authorize")
                .put("token_endpoint", issuer + "/token")
                .put("userinfo_endpoint", issuer + "/userinfo")
                .put("jwks_uri", issuer + "/jwks");
        doc.putArray("response_types_supported").add("code");
        doc.putArray("subject_types_supported").add("public");
        doc.putArray("id_token_signing_alg_values_supported").add("RS256");
        doc.putArray("scopes_supported").add("openid").add("email").add("profile");
        doc.putArray("token_endpoint_auth_methods_supported").add("client_secret_basic").add("client_secret_post");
        doc.putArray("code_challenge_methods_supported").add("S256");
        doc.putArray("claims_supported").add("sub").add("iss").add("aud").add("email").add("email_verified").add("name");
        respondJson(exchange, 200, doc.toString());
    }

    private void authorize(HttpExchange exchange) throws IOException {
        log(exchange);
        Map<String, String> q = parseForm(exchange.getRequestURI().getRawQuery());
        String redirectUri = q.get("redirect_uri");
        if (redirectUri == null || !clientId.equals(q.get("client_id")) || !"code".equals(q.get("response_type"))) {
            // RFC 6749 4.1.2.1: without a valid client and redirect URI, tell the user, never redirect.
            respondJson(exchange, 400, "{\"error\":\"invalid_request\",\"error_description\":"
                    + "\"client_id, redirect_uri and response_type=code are required\"}");
            return;
        }
        Answer answer = Optional.ofNullable(answers.pollFirst())
                .orElse(Answer.error("login_required", "no sign-in was scripted for this request"));
        Map<String, String> back = new LinkedHashMap<>();
        if (answer instanceof Answer.SignIn signIn) {
            String code = randomToken(24);
            codes.put(code, new Grant(signIn.user(), redirectUri, Optional.ofNullable(q.get("nonce")),
                    Optional.ofNullable(q.get("code_challenge"))));
            back.put("code", code);
        } else {
            Answer.Error error = (Answer.Error) answer;
            back.put("error", error.code());
            back.put("error_description", error.description());
        }
        Optional.ofNullable(q.get("state")).ifPresent(s -> back.put("state", s));
        exchange.getResponseHeaders().add("Location", redirectUri + (redirectUri.contains("?") ? "&" : "?") + encodeForm(back));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        log(exchange);
        Map<String, String> form = parseForm(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!clientAuthenticated(exchange, form)) {
            respondJson(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        Grant grant = form.get("code") == null ? null : codes.remove(form.get("code"));
        if (!"authorization_code".equals(form.get("grant_type")) || grant == null
                || !grant.redirectUri().equals(form.get("redirect_uri"))
                || !grant.pkceMatches(Optional.ofNullable(form.get("code_verifier")))) {
            respondJson(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        String accessToken = randomToken(24);
        accessTokens.put(accessToken, grant.user());
        ObjectNode body = JSON.createObjectNode()
                .put("access_token", accessToken)
                .put("token_type", "Bearer")
                .put("expires_in", TOKEN_LIFETIME.toSeconds())
                .put("id_token", idToken(grant.user(), grant.nonce()));
        respondJson(exchange, 200, body.toString());
    }

    private void jwks(HttpExchange exchange) throws IOException {
        log(exchange);
        respondJson(exchange, 200, JSON.writeValueAsString(new JWKSet(signingKey.toPublicJWK()).toJSONObject()));
    }

    private void userinfo(HttpExchange exchange) throws IOException {
        log(exchange);
        String auth = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")).orElse("");
        User user = auth.startsWith("Bearer ") ? accessTokens.get(auth.substring(7)) : null;
        if (user == null) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            respondJson(exchange, 401, "{\"error\":\"invalid_token\"}");
            return;
        }
        respondJson(exchange, 200, JSON.writeValueAsString(userClaims(user)));
    }

    // ---- helpers ----

    private boolean clientAuthenticated(HttpExchange exchange, Map<String, String> form) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth != null && auth.startsWith("Basic ")) {
            String decoded = new String(Base64.getDecoder().decode(auth.substring(6)), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            // RFC 6749 2.3.1: both parts are form-encoded inside the basic credentials.
            return colon > 0 && clientId.equals(urlDecode(decoded.substring(0, colon)))
                    && clientSecret.equals(urlDecode(decoded.substring(colon + 1)));
        }
        return clientId.equals(form.get("client_id")) && clientSecret.equals(form.get("client_secret"));
    }

    private JWTClaimsSet claims(User user, String iss, String audience, Optional<String> nonce) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(iss)
                .subject(user.subject())
                .audience(audience)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(TOKEN_LIFETIME)));
        userClaims(user).forEach(claims::claim);
        nonce.ifPresent(n -> claims.claim("nonce", n));
        return claims.build();
    }

    private static Map<String, Object> userClaims(User user) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", user.subject());
        user.email().ifPresent(e -> {
            claims.put("email", e);
            claims.put("email_verified", user.emailVerified());
        });
        user.name().ifPresent(n -> claims.put("name", n));
        return claims;
    }

    private RSASSASigner rsaSigner() {
        try {
            return new RSASSASigner(signingKey);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot use the provider's RSA key", e);
        }
    }

    private static String sign(JWTClaimsSet claims, JWSHeader header, JWSSigner signer) {
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the id token", e);
        }
        return jwt.serialize();
    }

    private void log(HttpExchange exchange) {
        requestLog.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
    }

    private static void respondJson(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    static Map<String, String> parseForm(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = urlDecode(eq < 0 ? pair : pair.substring(0, eq));
            values.putIfAbsent(key, eq < 0 ? "" : urlDecode(pair.substring(eq + 1)));
        }
        return values;
    }

    private static String encodeForm(Map<String, String> values) {
        List<String> pairs = new ArrayList<>();
        values.forEach((k, v) -> pairs.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    private static String urlDecode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** One issued authorization code: who signed in, for which redirect URI, nonce and PKCE challenge. */
    private record Grant(User user, String redirectUri, Optional<String> nonce, Optional<String> codeChallenge) {
        boolean pkceMatches(Optional<String> verifier) {
            if (codeChallenge.isEmpty()) {
                return true;
            }
            if (verifier.isEmpty()) {
                return false;
            }
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.get().getBytes(StandardCharsets.US_ASCII));
                return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).equals(codeChallenge.get());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }
    }

    /**
     * The person who signs in at the provider: the {@code sub} claim, and optionally an email
     * address (with {@code email_verified}) and a name.
     *
     * @param subject       the stable subject identifier ({@code sub})
     * @param email         the {@code email} claim, when given
     * @param emailVerified the {@code email_verified} claim (sent only with an email)
     * @param name          the {@code name} claim, when given
     */
    public record User(String subject, Optional<String> email, boolean emailVerified, Optional<String> name) {
        /** Requires the subject and the optional holders. */
        public User {
            Objects.requireNonNull(subject, "subject");
            if (subject.isBlank()) {
                throw new IllegalArgumentException("subject must not be blank");
            }
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(name, "name");
        }

        /** {@return a user with a subject and a verified email address} */
        public static User of(String subject, String email) {
            return new User(subject, Optional.of(email), true, Optional.empty());
        }
    }

    /** What the provider answers to one authorization request. */
    public sealed interface Answer {

        /** {@return sign in as this user and consent} */
        static Answer signIn(User user) {
            return new SignIn(user);
        }

        /** {@return an OAuth 2.0 authorization error, e.g. {@code access_denied}} */
        static Answer error(String code, String description) {
            return new Error(code, description);
        }

        /**
         * The user signs in and consents: a code is issued.
         *
         * @param user who signs in
         */
        record SignIn(User user) implements Answer {
            /** Requires the user. */
            public SignIn {
                Objects.requireNonNull(user, "user");
            }
        }

        /**
         * The provider refuses, redirecting with {@code error} and {@code error_description}.
         *
         * @param code        the OAuth 2.0 error code, e.g. {@code access_denied}
         * @param description the human-readable description
         */
        record Error(String code, String description) implements Answer {
            /** Requires both components. */
            public Error {
                Objects.requireNonNull(code, "code");
                Objects.requireNonNull(description, "description");
            }
        }
    }
}
