package io.kratosflows.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kratosflows.testkit.CodePurpose;
import io.kratosflows.testkit.KratosServer;
import io.kratosflows.testkit.Totp;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.StateChangeAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Sets up the provider states of the kratos-flows pact on a real Kratos, through its admin API (the
 * testkit's helper), its public API ({@link KratosPublic}) and the testkit's mailbox, and returns
 * the values the pact injects into requests: {@code flowId}, {@code sessionToken}, {@code email},
 * {@code password}, {@code code}, {@code totpCode}, {@code lookupSecret}.
 *
 * <p>Every state creates its own identity with a fresh address (the pact's example address plus a
 * random tag), so interactions never see each other's data on a shared Kratos. Which Kratos
 * configuration a state needs is part of its name (see {@link ProviderStates}); the states of all
 * configurations live here, and each provider test class verifies only its own.
 */
public final class KratosStates {

    /** How long the short-lifespan configuration lets a flow live, and a session stay privileged. */
    static final Duration SHORT_FLOW_LIFESPAN = Duration.ofSeconds(1);
    /** Longer: the past-privileged-age interaction submits a settings flow that must still be fresh. */
    static final Duration SHORT_SETTINGS_LIFESPAN = Duration.ofSeconds(2);
    static final Duration SHORT_PRIVILEGED_AGE = Duration.ofSeconds(1);
    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(20);

    private final KratosServer kratos;
    private final KratosPublic api;

    KratosStates(KratosServer kratos) {
        this.kratos = Objects.requireNonNull(kratos, "kratos");
        this.api = new KratosPublic(kratos.publicUrl());
    }

    // ---- default profile ---------------------------------------------------------------------

    @State(value = ProviderStates.KRATOS_IS_RUNNING, action = StateChangeAction.SETUP)
    public Map<String, Object> kratosIsRunning() {
        return Map.of();
    }

    @State(value = ProviderStates.LOGIN_FLOW, action = StateChangeAction.SETUP)
    public Map<String, Object> loginFlow(Map<String, Object> params) {
        Account account = account(params);
        return values("flowId", startFlow("login", null), "email", account.email(), "password", account.password());
    }

    @State(value = ProviderStates.LOGIN_CODE_SENT, action = StateChangeAction.SETUP)
    public Map<String, Object> loginCodeSent(Map<String, Object> params) {
        Account account = account(params);
        String flowId = startFlow("login", null);
        api.post("/self-service/login?flow=" + flowId, object("method", "code", "identifier", account.email()), null)
                .expect(400, "request a login code");
        String code = kratos.mail().lastCodeFor(account.email(), CodePurpose.LOGIN, MAIL_TIMEOUT);
        return values("flowId", flowId, "email", account.email(), "code", code);
    }

    @State(value = ProviderStates.SESSION, action = StateChangeAction.SETUP)
    public Map<String, Object> session(Map<String, Object> params) {
        Account account = account(params);
        return values("sessionToken", logIn(account), "email", account.email(), "password", account.password());
    }

    @State(value = ProviderStates.SESSION_WITH_TOTP, action = StateChangeAction.SETUP)
    public Map<String, Object> sessionWithTotp(Map<String, Object> params) {
        Account account = account(params);
        linkTotp(logIn(account));
        // Linking raised that session to aal2; a new password login is the aal1 session the state names.
        return values("sessionToken", logIn(account), "email", account.email());
    }

    @State(value = ProviderStates.REFRESH_LOGIN_FLOW, action = StateChangeAction.SETUP)
    public Map<String, Object> refreshLoginFlow(Map<String, Object> params) {
        Account account = account(params);
        String token = logIn(account);
        return values("flowId", startFlow("login", "refresh=true", token), "sessionToken", token,
                "email", account.email(), "password", account.password());
    }

    @State(value = ProviderStates.TOTP_LOGIN_FLOW, action = StateChangeAction.SETUP)
    public Map<String, Object> totpLoginFlow(Map<String, Object> params) {
        Account account = account(params);
        String secret = linkTotp(logIn(account));
        String token = logIn(account);
        String flowId = startFlow("login", "aal=aal2", token);
        return values("flowId", flowId, "sessionToken", token, "totpCode", Totp.freshCode(secret));
    }

    @State(value = ProviderStates.LOOKUP_LOGIN_FLOW, action = StateChangeAction.SETUP)
    public Map<String, Object> lookupLoginFlow(Map<String, Object> params) {
        Account account = account(params);
        List<String> codes = setUpLookupSecrets(logIn(account));
        String token = logIn(account);
        String flowId = startFlow("login", "aal=aal2", token);
        return values("flowId", flowId, "sessionToken", token, "lookupSecret", codes.get(0));
    }

    @State(value = ProviderStates.REGISTRATION_FLOW, action = StateChangeAction.SETUP)
    public Map<String, Object> registrationFlow(Map<String, Object> params) {
        return values("flowId", startFlow("registration", null), "email", freshEmail(params));
    }

    @State(value = ProviderStates.REGISTRATION_FLOW_EMAIL_TAKEN, action = StateChangeAction.SETUP)
    public Map<String, Object> registrationFlowEmailTaken(Map<String, Object> params) {
        Account account = account(params);
        return values("flowId", startFlow("registration", null), "email", account.email());
    }

    @State(value = ProviderStates.REGISTRATION_CODE_SENT, action = StateChangeAction.SETUP)
    public Map<String, Object> registrationCodeSent(Map<String, Object> params) {
        String email = freshEmail(params);
        String flowId = startFlow("registration", null);
        ObjectNode body = object("method", "code");
        body.putObject("traits").put("email", email);
        api.post("/self-service/registration?flow=" + flowId, body, null).expect(400, "request a registration code");
        String code = kratos.mail().lastCodeFor(email, CodePurpose.REGISTRATION, MAIL_TIMEOUT);
        return values("flowId", flowId, "email", email, "code", code);
    }

    @State(value = ProviderStates.SETTINGS_FLOW, action = StateChangeAction.SETUP)
    public Map<String, Object> settingsFlow(Map<String, Object> params) {
        Account account = account(params);
        String token = logIn(account);
        JsonNode flow = startFlowAnswer("settings", null, token);
        return values("flowId", flow.path("id").asText(), "sessionToken", token, "email", account.email(),
                "totpCode", Totp.freshCode(totpSecret(flow)));
    }

    @State(value = ProviderStates.SETTINGS_FLOW_NEW_LOOKUP_SECRETS, action = StateChangeAction.SETUP)
    public Map<String, Object> settingsFlowWithNewLookupSecrets(Map<String, Object> params) {
        Account account = account(params);
        String token = logIn(account);
        String flowId = startFlow("settings", null, token);
        api.post("/self-service/settings?flow=" + flowId, lookup("lookup_secret_regenerate"), token)
                .expect(200, "regenerate backup codes");
        return values("flowId", flowId, "sessionToken", token);
    }

    @State(value = ProviderStates.SETTINGS_FLOW_WITH_TOTP, action = StateChangeAction.SETUP)
    public Map<String, Object> settingsFlowWithTotp(Map<String, Object> params) {
        Account account = account(params);
        String token = logIn(account);
        linkTotp(token);
        return values("flowId", startFlow("settings", null, token), "sessionToken", token);
    }

    @State(value = ProviderStates.SETTINGS_FLOW_WITH_LOOKUP_SECRETS, action = StateChangeAction.SETUP)
    public Map<String, Object> settingsFlowWithLookupSecrets(Map<String, Object> params) {
        Account account = account(params);
        String token = logIn(account);
        setUpLookupSecrets(token);
        return values("flowId", startFlow("settings", null, token), "sessionToken", token);
    }

    @State(value = ProviderStates.RECOVERY_FLOW, action = StateChangeAction.SETUP)
    public Map<String, Object> recoveryFlow(Map<String, Object> params) {
        Account account = account(params);
        return values("flowId", startFlow("recovery", null), "email", account.email());
    }

    @State(value = ProviderStates.RECOVERY_CODE_SENT_NO_TRANSITIONS, action = StateChangeAction.SETUP)
    public Map<String, Object> recoveryCodeSentWithoutTransitions(Map<String, Object> params) {
        return recoveryCodeSent(params);
    }

    @State(value = ProviderStates.RECOVERY_CODE_SENT, action = StateChangeAction.SETUP)
    public Map<String, Object> recoveryCodeSent(Map<String, Object> params) {
        Account account = account(params);
        String flowId = startFlow("recovery", null);
        api.post("/self-service/recovery?flow=" + flowId, object("method", "code", "email", account.email()), null)
                .expect(200, "request a recovery code");
        String code = kratos.mail().lastCodeFor(account.email(), CodePurpose.RECOVERY, MAIL_TIMEOUT);
        return values("flowId", flowId, "email", account.email(), "code", code);
    }

    @State(value = ProviderStates.VERIFICATION_FLOW, action = StateChangeAction.SETUP)
    public Map<String, Object> verificationFlow(Map<String, Object> params) {
        String email = unverifiedIdentity(params);
        return values("flowId", startFlow("verification", null), "email", email);
    }

    @State(value = ProviderStates.VERIFICATION_CODE_SENT, action = StateChangeAction.SETUP)
    public Map<String, Object> verificationCodeSent(Map<String, Object> params) {
        String email = unverifiedIdentity(params);
        String flowId = startFlow("verification", null);
        String code = sendVerificationCode(flowId, email);
        return values("flowId", flowId, "email", email, "code", code);
    }

    @State(value = ProviderStates.VERIFICATION_COMPLETED, action = StateChangeAction.SETUP)
    public Map<String, Object> verificationCompleted(Map<String, Object> params) {
        String email = unverifiedIdentity(params);
        String flowId = startFlow("verification", null);
        String code = sendVerificationCode(flowId, email);
        JsonNode done = api.post("/self-service/verification?flow=" + flowId, object("method", "code", "code", code), null)
                .expect(200, "verify the address");
        if (!"passed_challenge".equals(done.path("state").asText())) {
            throw new IllegalStateException("verification did not pass: " + KratosPublic.excerpt(done));
        }
        return values("flowId", flowId, "email", email, "code", code);
    }

    // ---- short lifespans ---------------------------------------------------------------------

    @State(value = ProviderStates.EXPIRED_LOGIN_FLOW, action = StateChangeAction.SETUP)
    public Map<String, Object> expiredLoginFlow() {
        return expired("login", null);
    }

    @State(value = ProviderStates.EXPIRED_REGISTRATION_FLOW, action = StateChangeAction.SETUP)
    public Map<String, Object> expiredRegistrationFlow() {
        return expired("registration", null);
    }

    @State(value = ProviderStates.EXPIRED_RECOVERY_FLOW, action = StateChangeAction.SETUP)
    public Map<String, Object> expiredRecoveryFlow() {
        return expired("recovery", null);
    }

    @State(value = ProviderStates.EXPIRED_VERIFICATION_FLOW, action = StateChangeAction.SETUP)
    public Map<String, Object> expiredVerificationFlow() {
        return expired("verification", null);
    }

    @State(value = ProviderStates.EXPIRED_SETTINGS_FLOW, action = StateChangeAction.SETUP)
    public Map<String, Object> expiredSettingsFlow(Map<String, Object> params) {
        String token = logIn(account(params));
        Map<String, Object> values = new HashMap<>(expired("settings", token));
        values.put("sessionToken", token);
        return values;
    }

    @State(value = ProviderStates.SETTINGS_FLOW_PAST_PRIVILEGED_AGE, action = StateChangeAction.SETUP)
    public Map<String, Object> settingsFlowPastPrivilegedAge(Map<String, Object> params) {
        String token = logIn(account(params));
        sleep(SHORT_PRIVILEGED_AGE.plusMillis(500));
        // The flow itself is fresh: only the session is too old for a privileged change.
        return values("flowId", startFlow("settings", null, token), "sessionToken", token);
    }

    // ---- highest AAL required ----------------------------------------------------------------

    @State(value = ProviderStates.LOGIN_FLOW_FOR_TOTP_IDENTITY, action = StateChangeAction.SETUP)
    public Map<String, Object> loginFlowForTotpIdentity(Map<String, Object> params) {
        Account account = account(params);
        linkTotp(logIn(account));
        return values("flowId", startFlow("login", null), "email", account.email(), "password", account.password());
    }

    @State(value = ProviderStates.AAL1_SESSION_WITH_TOTP, action = StateChangeAction.SETUP)
    public Map<String, Object> aal1SessionWithTotp(Map<String, Object> params) {
        Account account = account(params);
        linkTotp(logIn(account));
        return values("sessionToken", logIn(account));
    }

    @State(value = ProviderStates.SETTINGS_FLOW_AAL1_SESSION, action = StateChangeAction.SETUP)
    public Map<String, Object> settingsFlowOfAal1Session(Map<String, Object> params) {
        Account account = account(params);
        String aal2Token = logIn(account);
        linkTotp(aal2Token);
        String flowId = startFlow("settings", null, aal2Token);
        // A second, password-only session of the same identity submits to that flow.
        return values("flowId", flowId, "sessionToken", logIn(account));
    }

    // ---- two-step registration and identifier-first login -----------------------------------

    @State(value = ProviderStates.TWO_STEP_REGISTRATION_FLOW, action = StateChangeAction.SETUP)
    public Map<String, Object> twoStepRegistrationFlow(Map<String, Object> params) {
        return values("flowId", startFlow("registration", null), "email", freshEmail(params));
    }

    @State(value = ProviderStates.TWO_STEP_PROFILE_ACCEPTED, action = StateChangeAction.SETUP)
    public Map<String, Object> twoStepProfileAccepted(Map<String, Object> params) {
        String email = freshEmail(params);
        String flowId = startFlow("registration", null);
        ObjectNode body = object("method", "profile");
        body.putObject("traits").put("email", email);
        api.post("/self-service/registration?flow=" + flowId, body, null).expect(400, "submit the profile step");
        return values("flowId", flowId, "email", email);
    }

    @State(value = ProviderStates.IDENTIFIER_FIRST_LOGIN_FLOW, action = StateChangeAction.SETUP)
    public Map<String, Object> identifierFirstLoginFlow(Map<String, Object> params) {
        Account account = account(params);
        return values("flowId", startFlow("login", null), "email", account.email());
    }

    // ---- building blocks ---------------------------------------------------------------------

    /** An identity with a password and a verified address. */
    record Account(String email, String password, String identityId) {
    }

    private Account account(Map<String, Object> params) {
        String email = freshEmail(params);
        String password = String.valueOf(params.getOrDefault("password", PactSupport.PASSWORD));
        return new Account(email, password, kratos.admin().createIdentity(email, password));
    }

    /** An identity whose address is not verified yet; returns its address. */
    private String unverifiedIdentity(Map<String, Object> params) {
        String email = freshEmail(params);
        ObjectNode body = KratosPublic.JSON.createObjectNode();
        body.put("schema_id", "default");
        body.putObject("traits").put("email", email);
        body.putObject("credentials").putObject("password").putObject("config").put("password", PactSupport.PASSWORD);
        kratos.admin().createIdentity(body);
        return email;
    }

    /** The pact's example address with a random tag: {@code ada@example.org} becomes {@code ada-1a2b3c4d@example.org}. */
    private static String freshEmail(Map<String, Object> params) {
        String example = String.valueOf(params.getOrDefault("email", PactSupport.EMAIL));
        int at = example.indexOf('@');
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return example.substring(0, at) + "-" + tag + example.substring(at);
    }

    private String logIn(Account account) {
        String flowId = startFlow("login", null);
        JsonNode done = api.post("/self-service/login?flow=" + flowId,
                object("method", "password", "identifier", account.email(), "password", account.password()), null)
                .expect(200, "log in with a password");
        return done.path("session_token").asText();
    }

    private String startFlow(String kind, String query) {
        return startFlow(kind, query, null);
    }

    private String startFlow(String kind, String query, String token) {
        return startFlowAnswer(kind, query, token).path("id").asText();
    }

    private JsonNode startFlowAnswer(String kind, String query, String token) {
        String path = "/self-service/" + kind + "/api" + (query == null ? "" : "?" + query);
        return api.get(path, token).expect(200, "start a " + kind + " flow");
    }

    /** Links TOTP in a settings flow of the session and returns the secret. */
    private String linkTotp(String token) {
        JsonNode flow = startFlowAnswer("settings", null, token);
        String secret = totpSecret(flow);
        api.post("/self-service/settings?flow=" + flow.path("id").asText(),
                object("method", "totp", "totp_code", Totp.freshCode(secret)), token).expect(200, "link TOTP");
        return secret;
    }

    /** Creates and confirms backup codes in a settings flow of the session; returns them. */
    private List<String> setUpLookupSecrets(String token) {
        String flowId = startFlow("settings", null, token);
        JsonNode shown = api.post("/self-service/settings?flow=" + flowId, lookup("lookup_secret_regenerate"), token)
                .expect(200, "regenerate backup codes");
        List<String> codes = new ArrayList<>();
        textNode(shown, "lookup_secret_codes").path("context").path("secrets")
                .forEach(secret -> codes.add(secret.path("text").asText()));
        api.post("/self-service/settings?flow=" + flowId, lookup("lookup_secret_confirm"), token)
                .expect(200, "confirm backup codes");
        if (codes.isEmpty()) {
            throw new IllegalStateException("Kratos showed no backup codes");
        }
        return codes;
    }

    private String sendVerificationCode(String flowId, String email) {
        api.post("/self-service/verification?flow=" + flowId, object("method", "code", "email", email), null)
                .expect(200, "request a verification code");
        return kratos.mail().lastCodeFor(email, CodePurpose.VERIFICATION, MAIL_TIMEOUT);
    }

    private Map<String, Object> expired(String kind, String token) {
        String flowId = startFlow(kind, null, token);
        awaitExpiry(kind, flowId, token);
        return values("flowId", flowId);
    }

    /** Asks for the flow until Kratos answers 410: never too early, and no longer than the lifespan needs. */
    private void awaitExpiry(String kind, String flowId, String token) {
        Duration lifespan = kind.equals("settings") ? SHORT_SETTINGS_LIFESPAN : SHORT_FLOW_LIFESPAN;
        long deadline = System.nanoTime() + lifespan.multipliedBy(10).toNanos();
        sleep(lifespan.minusMillis(200));
        while (api.get("/self-service/" + kind + "/flows?id=" + flowId, token).status() != 410) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the " + kind + " flow did not expire within " + lifespan.multipliedBy(10));
            }
            sleep(Duration.ofMillis(50));
        }
    }

    /** The TOTP secret a settings flow offers for linking an authenticator app. */
    private static String totpSecret(JsonNode settingsFlow) {
        return textNode(settingsFlow, "totp_secret_key").path("text").asText();
    }

    private static JsonNode textNode(JsonNode flow, String id) {
        for (JsonNode node : flow.path("ui").path("nodes")) {
            if (id.equals(node.path("attributes").path("id").asText())) {
                return node.path("attributes").path("text");
            }
        }
        throw new IllegalStateException("Kratos sent no '" + id + "' node");
    }

    private static ObjectNode lookup(String button) {
        ObjectNode body = object("method", "lookup_secret");
        body.put(button, true);
        return body;
    }

    private static ObjectNode object(String... keysAndValues) {
        ObjectNode node = KratosPublic.JSON.createObjectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            node.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return node;
    }

    private static Map<String, Object> values(Object... keysAndValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return values;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
