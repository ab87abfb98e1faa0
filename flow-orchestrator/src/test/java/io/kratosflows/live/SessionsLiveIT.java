package io.kratosflows.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.kratosflows.Kratos;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.error.KratosErrorException;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.session.LogoutOutcome;
import io.kratosflows.session.WhoamiOutcome;
import io.kratosflows.testkit.KratosServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
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
     * Twelve users on six threads through one client. The test server's in-memory SQLite cannot
     * take parallel writes: Kratos answers "database table is locked" (HTTP 500) or "Unable to
     * serialize access due to a concurrent update" (HTTP 400). The client surfaces those as typed
     * errors, and the test retries exactly those, counting them. Any other error fails.
     */
    @Test
    void concurrentUsersShareOneClient() throws Exception {
        int users = 12;
        AtomicInteger serverLockRetries = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                results.add(pool.submit(() -> {
                    String email = Live.newEmail("concurrent");
                    retryingSqliteLocks(serverLockRetries, () -> Live.register(kratos, email, Live.PASSWORD));
                    SessionToken token = retryingSqliteLocks(serverLockRetries, () -> assertInstanceOf(LoginOutcome.Completed.class,
                            kratos.login().submit(kratos.login().start(), new LoginMethod.Password(email, Secret.of(Live.PASSWORD)))).token());
                    var me = assertInstanceOf(WhoamiOutcome.Active.class, kratos.sessions().whoami(token));
                    assertEquals(email, me.session().identity().orElseThrow().traits().text("email").orElseThrow());
                    assertInstanceOf(LogoutOutcome.LoggedOut.class, retryingSqliteLocks(serverLockRetries, () -> kratos.sessions().logout(token)));
                    return me.session().id();
                }));
            }
            Set<String> sessions = new HashSet<>();
            for (Future<String> result : results) {
                sessions.add(result.get(60, TimeUnit.SECONDS));
            }
            assertEquals(users, sessions.size(), "every user got a session of their own");
            System.out.println("concurrent users: " + users + ", server-side SQLite lock retries: " + serverLockRetries.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T retryingSqliteLocks(AtomicInteger retries, Supplier<T> call) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (KratosErrorException e) {
                boolean locked = e.getMessage().contains("locked") || e.getMessage().contains("concurrent update");
                if (!locked || attempt == 10) {
                    throw e;
                }
                retries.incrementAndGet();
                Thread.sleep(50L * attempt);
            }
        }
    }
}
