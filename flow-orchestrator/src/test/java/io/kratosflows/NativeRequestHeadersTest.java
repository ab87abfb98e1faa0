package io.kratosflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kratosflows.error.InvalidInputException;
import io.kratosflows.error.KratosTransportException;
import io.kratosflows.login.LoginFlow;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOptions;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.session.LogoutOutcome;
import io.kratosflows.session.WhoamiOutcome;
import io.kratosflows.testing.FakeKratos;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What goes over the wire: native flows send {@code Accept: application/json}, the session token
 * as {@code X-Session-Token}, never {@code Cookie} or {@code Origin}, never follow redirects, and
 * send exactly the fields of the chosen method.
 */
class NativeRequestHeadersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private FakeKratos server;
    private Kratos kratos;

    @BeforeEach
    void start() throws Exception {
        server = new FakeKratos();
        kratos = Kratos.connect(KratosConfig.builder().publicUrl(server.url()).userAgent("kratos-flows-test")
                .timeout(Duration.ofSeconds(2)).build());
    }

    @AfterEach
    void stop() {
        kratos.close();
        server.close();
    }

    @Test
    void startSendsAcceptJsonAndNoCookieOrOrigin() {
        server.respond("login/create.200.json");

        LoginFlow flow = kratos.login().start();

        FakeKratos.Request request = server.onlyRequest();
        assertEquals("GET", request.method());
        assertEquals("/self-service/login/api", request.path());
        assertTrue(request.header("Accept").contains("application/json"), request.header("Accept"));
        assertNull(request.header("Cookie"));
        assertNull(request.header("Origin"));
        assertEquals("kratos-flows-test", request.header("User-Agent"));
        assertEquals("api", flow.type());
    }

    @Test
    void cookiesSetByKratosAreNeverSentBack() {
        server.respond(new FakeKratos.Response(200, Map.of("Content-Type", "application/json",
                "Set-Cookie", "ory_kratos_continuity=abc; Path=/"), io.kratosflows.testing.RecordedResponses.body("login/create.200.json"), 0));
        server.respond("login/submit-password-invalid-credentials.400.json");

        LoginFlow flow = kratos.login().start();
        kratos.login().submit(flow, new LoginMethod.Password("ada@example.org", Secret.of("pw-123456789")));

        assertNull(server.requests().get(1).header("Cookie"));
    }

    @Test
    void submitPostsExactlyTheMethodFieldsAsJson() throws Exception {
        server.respond("login/create.200.json").respond("login/submit-password-invalid-credentials.400.json");
        LoginFlow flow = kratos.login().start();

        LoginOutcome outcome = kratos.login().submit(flow, new LoginMethod.Password("ada@example.org", Secret.of("pw-123456789")));

        FakeKratos.Request submit = server.requests().get(1);
        assertEquals("POST", submit.method());
        assertEquals("/self-service/login", submit.path());
        assertEquals("flow=" + flow.id().value(), submit.query());
        assertTrue(submit.header("Content-Type").startsWith("application/json"));
        JsonNode body = JSON.readTree(submit.body());
        assertEquals("password", body.path("method").asText());
        assertEquals("ada@example.org", body.path("identifier").asText());
        assertEquals("pw-123456789", body.path("password").asText());
        assertFalse(body.has("traits"));
        assertInstanceOf(LoginOutcome.NeedsInput.class, outcome);
    }

    @Test
    void aFlowStartedWithATokenSendsItAsXSessionToken() {
        server.respond("login/create-refresh.200.json").respond("login/submit-password-success.200.json");
        SessionToken token = SessionToken.of("ory_st_refreshing");

        LoginFlow flow = kratos.login().start(LoginOptions.refresh(token));
        kratos.login().submit(flow, new LoginMethod.Password("ada@example.org", Secret.of("pw-123456789")));

        assertEquals("refresh=true", server.requests().get(0).query());
        assertEquals("ory_st_refreshing", server.requests().get(0).header("X-Session-Token"));
        assertEquals("ory_st_refreshing", server.requests().get(1).header("X-Session-Token"));
    }

    @Test
    void restartingAnExpiredRefreshFlowKeepsTheSessionToken() {
        server.respond("login/create-refresh.200.json").respond("login/submit-expired.410.json")
                .respond("login/fetch.200.json").respond("login/submit-password-success.200.json");
        SessionToken token = SessionToken.of("ory_st_keep");
        LoginFlow flow = kratos.login().start(LoginOptions.refresh(token));
        var expired = assertInstanceOf(LoginOutcome.FlowExpired.class,
                kratos.login().submit(flow, new LoginMethod.Password("ada@example.org", Secret.of("pw-123456789"))));

        LoginFlow replacement = kratos.login().restart(expired, LoginOptions.refresh(token));
        kratos.login().submit(replacement, LoginMethod.Code.submit("ada@example.org", Secret.of("123456"))); // it offers code

        assertEquals("id=" + expired.replacement().orElseThrow().value(), server.requests().get(2).query());
        assertEquals(java.util.Optional.of(token), replacement.sessionToken());
        assertEquals("ory_st_keep", server.requests().get(3).header("X-Session-Token"));
    }

    @Test
    void redirectsAreNeverFollowed() {
        server.respond("login/create.200.json");
        server.respond(new FakeKratos.Response(303, Map.of("Location", server.url() + "/elsewhere"), "", 0));
        LoginFlow flow = kratos.login().start();

        LoginOutcome outcome = kratos.login().submit(flow, LoginMethod.Oidc.provider("github"));

        assertEquals(2, server.requests().size(), "the redirect target was not requested");
        assertEquals(server.url() + "/elsewhere", assertInstanceOf(LoginOutcome.BrowserRequired.class, outcome).redirectBrowserTo());
    }

    @Test
    void withValidationOnInvalidInputSendsNothing() {
        server.respond("login/create.200.json");
        try (Kratos validating = Kratos.connect(KratosConfig.builder().publicUrl(server.url()).validateBeforeSending(true).build())) {
            LoginFlow flow = validating.login().start();

            var error = assertThrows(InvalidInputException.class, () -> validating.login().submit(
                    flow, new LoginMethod.Password(" ", Secret.of(""))));

            assertEquals(java.util.List.of("identifier: must not be blank", "password: must not be blank"), error.violations());
            assertEquals(1, server.requests().size(), "only the start reached the server");
        }
    }

    @Test
    void byDefaultBlankFieldsGoToKratosWhichAnswersWithItsOwnMessages() {
        server.respond("login/create.200.json").respond("login/submit-password-invalid-credentials.400.json");
        LoginFlow flow = kratos.login().start();

        LoginOutcome outcome = kratos.login().submit(flow, new LoginMethod.Password(" ", Secret.of("")));

        assertInstanceOf(LoginOutcome.NeedsInput.class, outcome);
        assertEquals(2, server.requests().size(), "the submission was sent");
    }

    @Test
    void aMethodTheFlowDoesNotOfferIsNotSent() {
        server.respond("login/fetch.200.json"); // a flow that offers only code
        LoginFlow flow = kratos.login().fetch(io.kratosflows.FlowId.of("00000000-0000-4000-8000-000000000000"));

        LoginOutcome outcome = kratos.login().submit(flow, new LoginMethod.Password("ada@example.org", Secret.of("pw-123456789")));

        assertEquals("password", assertInstanceOf(LoginOutcome.MethodUnavailable.class, outcome).method());
        assertEquals(1, server.requests().size(), "only the fetch reached the server");
    }

    @Test
    void whoamiSendsTheTokenAndLogoutSendsItInTheBody() throws Exception {
        server.respond("session/whoami.200.json").respond(204, "").respond("session/logout-unknown-token.403.json");
        SessionToken token = SessionToken.of("ory_st_whoami");

        WhoamiOutcome whoami = kratos.sessions().whoami(token);
        LogoutOutcome first = kratos.sessions().logout(token);
        LogoutOutcome second = kratos.sessions().logout(token);

        assertInstanceOf(WhoamiOutcome.Active.class, whoami);
        assertEquals("ory_st_whoami", server.requests().get(0).header("X-Session-Token"));
        FakeKratos.Request logout = server.requests().get(1);
        assertEquals("DELETE", logout.method());
        assertEquals("/self-service/logout/api", logout.path());
        assertEquals("ory_st_whoami", JSON.readTree(logout.body()).path("session_token").asText());
        assertNull(logout.header("Authorization"));
        assertInstanceOf(LogoutOutcome.LoggedOut.class, first);
        assertInstanceOf(LogoutOutcome.SessionNotFound.class, second);
    }

    @Test
    void aSlowServerIsATimeout() throws Exception {
        try (Kratos impatient = Kratos.connect(KratosConfig.builder().publicUrl(server.url())
                .readTimeout(Duration.ofMillis(200)).build())) {
            server.respond(new FakeKratos.Response(200, Map.of(), "{}", 2_000));

            var error = assertThrows(KratosTransportException.class, () -> impatient.login().start());

            assertTrue(error.isTimeout());
            assertTrue(error.getMessage().startsWith("start login flow: timed out"), error.getMessage());
        }
    }

    @Test
    void anUnreachableServerIsATransportError() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (Kratos nowhere = Kratos.connect(KratosConfig.builder().publicUrl("http://127.0.0.1:" + port).build())) {
            var error = assertThrows(KratosTransportException.class, () -> nowhere.sessions().whoami(SessionToken.of("ory_st_secret")));

            assertFalse(error.isTimeout());
            assertTrue(error.getMessage().contains("could not reach Kratos"), error.getMessage());
            assertFalse(error.getMessage().contains("ory_st_secret"));
        }
    }
}
