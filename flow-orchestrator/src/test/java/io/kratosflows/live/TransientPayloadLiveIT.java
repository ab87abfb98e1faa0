package io.kratosflows.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.kratosflows.Kratos;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.Traits;
import io.kratosflows.TransientPayload;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.recovery.RecoveryMethod;
import io.kratosflows.recovery.RecoveryOutcome;
import io.kratosflows.registration.RegistrationMethod;
import io.kratosflows.registration.RegistrationOutcome;
import io.kratosflows.settings.SettingsMethod;
import io.kratosflows.settings.SettingsOutcome;
import io.kratosflows.testkit.CodePurpose;
import io.kratosflows.testkit.KratosServer;
import io.kratosflows.verification.VerificationMethod;
import io.kratosflows.verification.VerificationOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code transient_payload} reaches Kratos's webhooks: a web hook after each flow posts
 * {@code ctx.flow.transient_payload} to a server in this test, which checks what arrived.
 */
class TransientPayloadLiveIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BlockingQueue<JsonNode> HOOKS = new LinkedBlockingQueue<>();
    private static final HttpServer RECEIVER = receiver();
    private static final String BODY = "function(ctx) { flow: ctx.flow.type + '/' + std.split(ctx.request_url, '/')[4], "
            + "payload: if std.objectHas(ctx.flow, 'transient_payload') then ctx.flow.transient_payload else null }";

    static final KratosServer SERVER = KratosServer.builder().name("transient-payload")
            .set("selfservice.flows.login.after.password.hooks", List.of(hook()))
            .set("selfservice.flows.registration.after.password.hooks", List.of(hook(), Map.of("hook", "session")))
            .set("selfservice.flows.settings.after.password.hooks", List.of(hook()))
            .set("selfservice.flows.recovery.after.hooks", List.of(hook()))
            .set("selfservice.flows.verification.after.hooks", List.of(hook()))
            .build();

    @RegisterExtension
    static final Live LIVE = Live.on(SERVER);
    private static Kratos kratos;

    @BeforeAll
    static void connect() {
        kratos = LIVE.kratos();
    }

    @AfterAll
    static void close() {
        RECEIVER.stop(0);
    }

    private static Map<String, Object> hook() {
        return Map.of("hook", "web_hook", "config", Map.of(
                "url", "http://127.0.0.1:" + RECEIVER.getAddress().getPort() + "/hook",
                "method", "POST",
                "body", "base64://" + Base64.getEncoder().encodeToString(BODY.getBytes(StandardCharsets.UTF_8))));
    }

    private static HttpServer receiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/hook", exchange -> {
                HOOKS.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode nextHook() throws InterruptedException {
        JsonNode hook = HOOKS.poll(10, TimeUnit.SECONDS);
        if (hook == null) {
            throw new AssertionError("no web hook call arrived within 10 s");
        }
        return hook;
    }

    /** The code of the first mail after the {@code before} already there (registration also mails a code). */
    private static String newCode(String email, int before, CodePurpose purpose) throws InterruptedException {
        long deadline = System.nanoTime() + Live.CODE_WAIT.toNanos();
        while (SERVER.mail().messagesFor(email).size() <= before && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return LIVE.code(email, purpose);
    }

    private static TransientPayload payload(String step) {
        return TransientPayload.of(Map.of("step", step, "consent", true, "tags", List.of("a", "b")));
    }

    @Test
    void everyFlowHandsThePayloadToItsWebHook() throws Exception {
        String email = Live.newEmail("transient");
        HOOKS.clear();

        var registered = kratos.registration().submit(kratos.registration().start(),
                new RegistrationMethod.Password(Traits.email(email), Secret.of(Live.PASSWORD)), payload("register"));
        SessionToken token = assertInstanceOf(RegistrationOutcome.Completed.class, registered).token().orElseThrow();
        JsonNode registrationHook = nextHook();

        var login = kratos.login().submit(kratos.login().start(), new LoginMethod.Password(email, Secret.of(Live.PASSWORD)),
                payload("login"));
        assertInstanceOf(LoginOutcome.Completed.class, login);
        JsonNode loginHook = nextHook();

        LIVE.code(email, CodePurpose.VERIFICATION); // the registration's own mail, sent asynchronously
        var verification = kratos.verification().start();
        int mails = SERVER.mail().messagesFor(email).size();
        kratos.verification().submit(verification, VerificationMethod.Code.request(email));
        var verified = kratos.verification().submit(verification,
                VerificationMethod.Code.submit(Secret.of(newCode(email, mails, CodePurpose.VERIFICATION))), payload("verify"));
        assertInstanceOf(VerificationOutcome.Verified.class, verified);
        JsonNode verificationHook = nextHook();

        var recovery = kratos.recovery().start();
        mails = SERVER.mail().messagesFor(email).size();
        kratos.recovery().submit(recovery, RecoveryMethod.Code.request(email));
        var recovered = kratos.recovery().submit(recovery,
                RecoveryMethod.Code.submit(Secret.of(newCode(email, mails, CodePurpose.RECOVERY))), payload("recover"));
        assertInstanceOf(RecoveryOutcome.Recovered.class, recovered);
        JsonNode recoveryHook = nextHook();

        var saved = kratos.settings().submit(kratos.settings().start(token), new SettingsMethod.Password(Secret.of(Live.PASSWORD + "-2")),
                payload("settings"));
        assertInstanceOf(SettingsOutcome.Saved.class, saved);
        JsonNode settingsHook = nextHook();

        assertEquals(payload("register").json(), registrationHook.path("payload"), registrationHook.toString());
        assertEquals(payload("login").json(), loginHook.path("payload"), loginHook.toString());
        assertEquals(payload("verify").json(), verificationHook.path("payload"), verificationHook.toString());
        assertEquals(payload("recover").json(), recoveryHook.path("payload"), recoveryHook.toString());
        // Kratos accepts a payload on every settings submission, but of the settings strategies only
        // OIDC puts it on the flow: a password change reaches the web hook without it.
        assertEquals(JSON.nullNode(), settingsHook.path("payload"), settingsHook.toString());
    }
}
