package io.kratosflows.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.Kratos;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.session.LogoutOutcome;
import io.kratosflows.session.WhoamiOutcome;
import io.kratosflows.testkit.KratosServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** whoami and logout, and one shared client serving many users at once. */
class SessionsLiveIT {

    @RegisterExtension
    static final KratosServer SERVER = KratosServer.defaults();
    private static Kratos kratos;

    @BeforeAll
    static void connect() {
        kratos = Live.client(SERVER);
    }

    @AfterAll
    static void close() {
        kratos.close();
    }

    @Test
    void whoamiLogoutAndAfter() {
        SessionToken token = Live.register(kratos, Live.newEmail("sessions"), Live.PASSWORD);

        var before = kratos.sessions().whoami(token);
        var logout = kratos.sessions().logout(token);
        var after = kratos.sessions().whoami(token);
        var unknown = kratos.sessions().logout(SessionToken.of("ory_st_not_a_real_token"));

        assertInstanceOf(WhoamiOutcome.Active.class, before);
        assertInstanceOf(LogoutOutcome.LoggedOut.class, logout);
        assertEquals(401, assertInstanceOf(WhoamiOutcome.NotSignedIn.class, after).error().status());
        assertInstanceOf(LogoutOutcome.SessionNotFound.class, unknown);
    }

    /**
     * Twelve signed-in users checked 120 times from six threads through one client: every answer
     * must belong to the token that asked. Users are created one after another: the test server's
     * in-memory SQLite cannot take parallel writes (Kratos then fails with "database table is
     * locked" in many shapes), which is a limit of the test database, not of the client. The
     * client's own thread-safety under parallel writes is proven against a local server in
     * {@code ConcurrentClientTest}.
     */
    @Test
    void concurrentUsersShareOneClient() throws Exception {
        Map<SessionToken, String> users = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            String email = Live.newEmail("concurrent");
            Live.register(kratos, email, Live.PASSWORD);
            var login = kratos.login().submit(kratos.login().start(), new LoginMethod.Password(email, Secret.of(Live.PASSWORD)));
            users.put(assertInstanceOf(LoginOutcome.Completed.class, login).token(), email);
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Boolean>> checks = new ArrayList<>();
            for (int round = 0; round < 10; round++) {
                users.forEach((token, email) -> checks.add(pool.submit(() -> {
                    var me = assertInstanceOf(WhoamiOutcome.Active.class, kratos.sessions().whoami(token));
                    return email.equals(me.session().identity().orElseThrow().traits().text("email").orElseThrow());
                })));
            }
            for (Future<Boolean> check : checks) {
                assertTrue(check.get(60, TimeUnit.SECONDS), "an answer belonged to another user's token");
            }
            assertEquals(120, checks.size());
        } finally {
            pool.shutdownNow();
        }
        users.keySet().forEach(token -> assertInstanceOf(LogoutOutcome.LoggedOut.class, kratos.sessions().logout(token)));
    }
}
