package io.kratosflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.session.WhoamiOutcome;
import io.kratosflows.testing.FakeKratos;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link EndUser}'s checks, and the headers a {@code forEndUser} view adds to each call. */
class EndUserTest {

    private FakeKratos server;
    private Kratos kratos;

    @BeforeEach
    void start() throws Exception {
        server = new FakeKratos();
        kratos = Kratos.connect(KratosConfig.builder().publicUrl(server.url()).userAgent("my-backend/2.0")
                .timeout(Duration.ofSeconds(2)).build());
    }

    @AfterEach
    void stop() {
        kratos.close();
        server.close();
    }

    @Test
    void addressesMustBeLiteralsAndAgentsOneLineOfAscii() {
        assertEquals("203.0.113.7", EndUser.ipAddress(" 203.0.113.7 ").ipAddress().orElseThrow());
        assertEquals("2001:db8::7", EndUser.ipAddress("2001:db8::7").ipAddress().orElseThrow());
        EndUser.ipAddress("::ffff:192.0.2.1");
        for (String bad : new String[] {"example.org", "cafe", "256.1.1.1", "1.2.3", "2001:db8::7%eth0", "", "1.2.3.4, 5.6.7.8"}) {
            assertThrows(IllegalArgumentException.class, () -> EndUser.ipAddress(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> EndUser.of("203.0.113.7", "Agent\r\nX-Injected: 1"));
        assertThrows(IllegalArgumentException.class, () -> EndUser.of("203.0.113.7", " "));
        assertThrows(IllegalArgumentException.class, () -> EndUser.of("203.0.113.7", "a".repeat(EndUser.MAX_USER_AGENT_LENGTH + 1)));
        assertThrows(IllegalArgumentException.class, () -> new EndUser(Optional.empty(), Optional.empty()));
    }

    @Test
    void aViewSendsTheUsersAddressAndAgentOnEveryCall() {
        server.respond("login/create.200.json").respond("login/submit-password-success.200.json");
        Kratos forAda = kratos.forEndUser(EndUser.of("203.0.113.7", "Ada's phone/1.0"));

        var flow = forAda.login().start();
        assertInstanceOf(LoginOutcome.Completed.class, forAda.login().submit(flow, new LoginMethod.Password("ada@example.org", Secret.of("pw"))));

        for (FakeKratos.Request request : server.requests()) {
            assertEquals("203.0.113.7", request.header("True-Client-IP"));
            assertEquals("203.0.113.7", request.header("X-Forwarded-For"));
            assertEquals("Ada's phone/1.0", request.header("User-Agent"));
        }
        assertEquals(2, server.requests().size());
    }

    @Test
    void theRootClientAndAnAddressOnlyViewKeepTheirOwnAgent() {
        server.respond("session/whoami.200.json").respond("session/whoami.200.json");

        kratos.sessions().whoami(SessionToken.of("ory_st_x"));
        kratos.forEndUser(EndUser.ipAddress("198.51.100.4")).sessions().whoami(SessionToken.of("ory_st_x"));

        var root = server.requests().get(0);
        var view = server.requests().get(1);
        assertNull(root.header("True-Client-IP"));
        assertEquals("my-backend/2.0", root.header("User-Agent"));
        assertEquals("198.51.100.4", view.header("True-Client-IP"));
        assertEquals("my-backend/2.0", view.header("User-Agent"));
    }

    @Test
    void closingAViewLeavesTheSharedClientOpen() {
        server.respond("session/whoami.200.json");

        kratos.forEndUser(EndUser.ipAddress("203.0.113.7")).close();

        assertInstanceOf(WhoamiOutcome.Active.class, kratos.sessions().whoami(SessionToken.of("ory_st_x")));
    }
}
