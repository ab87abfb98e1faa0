package io.kratosflows.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** whoami and logout, and one shared client serving many users at once. */
class SessionsLiveIT {

    @RegisterExtension
    static final Live LIVE = Live.on(KratosServer.defaults());

    @Test
    void whoamiLogoutAndAfter() {
        SessionToken token = LIVE.register(Live.newEmail("sessions"), Live.PASSWORD);

        var before = LIVE.kratos().sessions().whoami(token);
        var logout = LIVE.kratos().sessions().logout(token);
        var after = LIVE.kratos().sessions().whoami(token);
        var unknown = LIVE.kratos().sessions().logout(SessionToken.of("ory_st_not_a_real_token"));

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
            LIVE.register(email, Live.PASSWORD);
            var login = LIVE.kratos().login().submit(LIVE.kratos().login().start(), new LoginMethod.Password(email, Secret.of(Live.PASSWORD)));
            users.put(assertInstanceOf(LoginOutcome.Completed.class, login).token(), email);
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Boolean>> checks = new ArrayList<>();
            for (int round = 0; round < 10; round++) {
                users.forEach((token, email) -> checks.add(pool.submit(() -> {
                    var me = assertInstanceOf(WhoamiOutcome.Active.class, LIVE.kratos().sessions().whoami(token));
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
        users.keySet().forEach(token -> assertInstanceOf(LogoutOutcome.LoggedOut.class, LIVE.kratos().sessions().logout(token)));
    }
}
