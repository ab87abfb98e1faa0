package io.kratosflows.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.kratosflows.SessionToken;
import io.kratosflows.spring.test.KratosTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The sample service against a real Kratos: a native app signs in through the library, calls the
 * endpoints with its token, steps up, re-authenticates and logs out. The whoami cache is 2 s here
 * so that its bound can be watched.
 */
@SpringBootTest(classes = {SampleApplication.class, SampleServiceIT.Counting.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kratos.session.cache.ttl=" + SampleServiceIT.TTL_SECONDS + "s", "sample.privileged-max-age=3s"})
@KratosTest
class SampleServiceIT extends LiveSample {

    static final int TTL_SECONDS = 2;
    private static final Duration TTL = Duration.ofSeconds(TTL_SECONDS);

    @TestConfiguration(proxyBeanMethods = false)
    static class Counting {
        @Bean
        WhoamiCounter whoamiCounter() {
            return new WhoamiCounter();
        }
    }

    @Autowired
    private WhoamiCounter whoami;
    private Http http;

    @BeforeEach
    void client() {
        http = http();
    }

    @Test
    void signInCallLogOutAndTheRevokedTokenIsRefusedWithinTheCacheBound() throws Exception {
        String email = NativeApp.newEmail("sample");
        app.register(email);
        SessionToken token = app.signInCompleted(email);

        Http.Answer me = http.get("/me", token.reveal());
        Http.Answer transfers = http.get("/transfers", token.reveal());
        app.logOut(token);
        long loggedOut = System.nanoTime();
        Http.Answer refused = http.get("/me", token.reveal());
        while (refused.status() == 200 && System.nanoTime() - loggedOut < TTL.plusSeconds(10).toNanos()) {
            Thread.sleep(100);
            refused = http.get("/me", token.reveal());
        }
        Duration acceptedAfterLogout = Duration.ofNanos(System.nanoTime() - loggedOut);

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().path("email").asText()).isEqualTo(email);
        assertThat(me.body().path("aal").asText()).isEqualTo("aal1");
        assertThat(transfers.status()).isEqualTo(403);
        assertThat(transfers.action()).isEqualTo("step_up");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.error()).isEqualTo("session_inactive");
        assertThat(refused.action()).isEqualTo("sign_in");
        // The cached answer may outlive the logout by the TTL, not more (plus a poll and a slow request).
        assertThat(acceptedAfterLogout).isLessThanOrEqualTo(TTL.plusSeconds(2));
    }

    @Test
    void whoamiIsCalledAtMostOncePerCacheWindowUnder200ConcurrentRequests() throws Exception {
        String email = NativeApp.newEmail("burst");
        app.register(email);
        SessionToken token = app.signInCompleted(email);
        ExecutorService pool = Executors.newFixedThreadPool(200);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Http.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return http.get("/me", token.reveal());
                }));
            }
            int before = whoami.calls();
            long began = System.nanoTime();
            start.countDown();
            for (Future<Http.Answer> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - began);
            int calls = whoami.calls() - before;

            long windows = 1 + took.toNanos() / TTL.toNanos();
            System.out.println("200 concurrent requests took " + took.toMillis() + " ms, " + calls + " whoami call(s)");
            assertThat(calls).isBetween(1, (int) windows);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theAal2EndpointLetsInASessionRightAfterItStepsUp() {
        String email = NativeApp.newEmail("stepup");
        String totp = app.registerWithTotp(email);
        SessionToken token = app.signInCompleted(email); // whoami requires aal1 here: the password alone signs in

        Http.Answer before = http.get("/transfers", token.reveal());
        app.stepUp(token, totp);
        Http.Answer after = http.get("/transfers", token.reveal()); // within the TTL of the aal1 answer

        assertThat(before.status()).isEqualTo(403);
        assertThat(before.error()).isEqualTo("session_aal2_required");
        assertThat(before.body().path("required_aal").asText()).isEqualTo("aal2");
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body().path("aal").asText()).isEqualTo("aal2");
    }

    @Test
    void aPrivilegedActionNeedsARecentAuthentication() throws Exception {
        String email = NativeApp.newEmail("privileged");
        app.register(email);
        SessionToken token = app.signInCompleted(email);

        Http.Answer fresh = http.post("/account/delete", token.reveal());
        Thread.sleep(4_000); // past the sample's 3 s max age
        Http.Answer stale = http.post("/account/delete", token.reveal());
        app.reauthenticate(token, email);
        Http.Answer again = http.post("/account/delete", token.reveal());

        assertThat(fresh.status()).isEqualTo(200);
        assertThat(stale.status()).isEqualTo(403);
        assertThat(stale.error()).isEqualTo("session_refresh_required");
        assertThat(stale.action()).isEqualTo("reauthenticate");
        assertThat(stale.body().path("max_age_seconds").asLong()).isEqualTo(3);
        assertThat(again.status()).isEqualTo(200);
    }
}
