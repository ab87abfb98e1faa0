package io.kratosflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.KratosConfig;
import io.kratosflows.RetryPolicy;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.error.RateLimitedException;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.session.WhoamiOutcome;
import io.kratosflows.testing.FaultServer;
import io.kratosflows.testing.RecordedResponses;
import io.kratosflows.testing.Samples;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 429 and 503 as Kratos and Ory Network send them: a typed {@link RateLimitedException} with the
 * delay asked for, and an opt-in policy that repeats idempotent calls only, within a shared budget.
 */
class RateLimitRetryTest {

    private static final SessionToken TOKEN = SessionToken.of("ory_st_limited");
    private static final byte[] LIMITED = FaultServer.json(429, "{\"error\":{\"code\":429,\"status\":\"Too Many Requests\"}}",
            "Retry-After: 0", "X-RateLimit-Limit: 10", "X-RateLimit-Remaining: 0", "X-RateLimit-Reset: 1");
    private static final byte[] WHOAMI = FaultServer.json(200, RecordedResponses.body("session/whoami.200.json"));
    private static final RetryPolicy POLICY = RetryPolicy.exponential(3, Duration.ofMillis(5), Duration.ofMillis(50));

    private static FaultServer limitedFirst(int limitedAnswers) throws Exception {
        AtomicInteger n = new AtomicInteger();
        return new FaultServer((request, socket, out) -> {
            out.write(n.getAndIncrement() < limitedAnswers ? LIMITED : WHOAMI);
            return true;
        });
    }

    private static Transport transport(FaultServer server, RetryPolicy policy) {
        return new Transport(KratosConfig.builder().publicUrl(server.url()).retryPolicy(policy).build());
    }

    private static Calls calls(Transport transport) {
        return new Calls(transport, CallContext.NONE, false);
    }

    @Test
    void withoutAPolicyA429IsARateLimitedExceptionCarryingTheDelayAndLimits() throws Exception {
        try (FaultServer server = new FaultServer(FaultServer.bytes(FaultServer.json(429, "", "Retry-After: 2",
                "X-RateLimit-Limit: 10", "X-RateLimit-Remaining: 0", "X-Request-Id: req-429")));
             Transport transport = transport(server, RetryPolicy.none())) {

            var limited = assertThrows(RateLimitedException.class, () -> ToSessionStep.run(calls(transport), TOKEN));

            assertEquals(429, limited.status());
            assertEquals(Optional.of(Duration.ofSeconds(2)), limited.retryAfter());
            assertEquals(OptionalLong.of(10), limited.limit());
            assertEquals(OptionalLong.of(0), limited.remaining());
            assertEquals(Optional.of("req-429"), limited.requestId());
            assertEquals("whoami (HTTP 429 Too Many Requests, retry after 2000 ms, Request: req-429)", limited.getMessage());
            assertEquals(1, server.requests().size());
        }
    }

    @Test
    void aReadIsRepeatedAfter429And503UnderAPolicy() throws Exception {
        try (FaultServer server = limitedFirst(2); Transport transport = transport(server, POLICY)) {
            assertInstanceOf(WhoamiOutcome.Active.class, ToSessionStep.run(calls(transport), TOKEN));
            assertEquals(3, server.requests().size());
        }
    }

    @Test
    void theAttemptsAreCapped() throws Exception {
        try (FaultServer server = limitedFirst(100); Transport transport = transport(server, POLICY)) {
            assertThrows(RateLimitedException.class, () -> ToSessionStep.run(calls(transport), TOKEN));
            assertEquals(3, server.requests().size());
        }
    }

    @Test
    void aSubmissionALogoutAndATokenExchangeAreNeverSentTwice() throws Exception {
        try (FaultServer server = limitedFirst(100); Transport transport = transport(server, POLICY)) {
            assertThrows(RateLimitedException.class, () -> UpdateLoginFlowStep.run(calls(transport), Samples.login(),
                    new LoginMethod.Password("ada@example.org", Secret.of("pw-123456789"))));
            assertThrows(RateLimitedException.class, () -> PerformNativeLogoutStep.run(calls(transport), TOKEN));
            assertThrows(RateLimitedException.class, () -> ExchangeSessionTokenStep.run(calls(transport), Secret.of("i"), Secret.of("r")));
            assertEquals(List.of("POST", "DELETE", "GET"), server.requests().stream().map(FaultServer.Request::method).toList());
        }
    }

    @Test
    void aRetryAfterLongerThanThePolicyHonoursIsNotWaitedFor() throws Exception {
        try (FaultServer server = new FaultServer(FaultServer.bytes(FaultServer.json(503, "", "Retry-After: 30")));
             Transport transport = transport(server, POLICY)) {
            var limited = assertThrows(RateLimitedException.class, () -> ToSessionStep.run(calls(transport), TOKEN));
            assertEquals(503, limited.status());
            assertEquals(1, server.requests().size());
        }
    }

    @Test
    void retriesStopAtTheCallDeadline() throws Exception {
        try (FaultServer server = new FaultServer(FaultServer.bytes(FaultServer.json(503, "", "Retry-After: 1")));
             Transport transport = new Transport(KratosConfig.builder().publicUrl(server.url()).callTimeout(Duration.ofMillis(500))
                     .retryPolicy(RetryPolicy.exponential(5, Duration.ofMillis(10), Duration.ofSeconds(2))).build())) {
            assertThrows(RateLimitedException.class, () -> ToSessionStep.run(calls(transport), TOKEN));
            assertEquals(1, server.requests().size(), "a 1 s wait does not fit a 500 ms deadline");
        }
    }

    /** Eight threads share one client against a server that always answers 503: retries stay within the budget. */
    @Test
    void parallelCallersShareOneRetryBudget() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(8);
        RetryPolicy policy = RetryPolicy.exponential(4, Duration.ofMillis(1), Duration.ofMillis(5)).withBudget(0.1, 5);
        try (FaultServer server = new FaultServer(FaultServer.bytes(FaultServer.json(503, "", "Retry-After: 0")));
             Transport transport = transport(server, policy)) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                done.add(callers.submit(() -> assertThrows(RateLimitedException.class, () -> ToSessionStep.run(calls(transport), TOKEN))));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            int retries = server.requests().size() - 400;
            assertTrue(retries >= 5 && retries <= 5 + 40, retries + " retries for 400 calls");
        } finally {
            callers.shutdownNow();
        }
    }
}
