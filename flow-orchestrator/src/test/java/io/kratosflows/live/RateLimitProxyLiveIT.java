package io.kratosflows.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kratosflows.Kratos;
import io.kratosflows.KratosConfig;
import io.kratosflows.RetryPolicy;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.error.RateLimitedException;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.session.WhoamiOutcome;
import io.kratosflows.testkit.KratosServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * #13 rate limits against a real Kratos: a loopback proxy in front of it answers every third
 * request with 429 (Retry-After and x-ratelimit headers, as Ory Network does) and every seventh
 * with 503. Eight threads share one client with a retry policy: reads are repeated within the
 * shared budget, a submission is never sent twice, and every call ends in an outcome or a
 * {@link RateLimitedException}.
 */
class RateLimitProxyLiveIT {

    static final KratosServer SERVER = KratosServer.defaults();

    @RegisterExtension
    static final Live LIVE = Live.on(SERVER);
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "transfer-encoding", "upgrade",
            "expect", "keep-alive", "te", "trailer");

    private static HttpServer proxy;
    private static final HttpClient UPSTREAM = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final AtomicInteger SEEN = new AtomicInteger();
    private static final AtomicInteger INJECTED = new AtomicInteger();
    private static final AtomicInteger POSTS = new AtomicInteger();

    @BeforeAll
    static void startProxy() throws IOException {
        proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        proxy.setExecutor(Executors.newFixedThreadPool(16));
        proxy.createContext("/", RateLimitProxyLiveIT::forward);
        proxy.start();
    }

    @AfterAll
    static void stopProxy() {
        proxy.stop(0);
    }

    private static void forward(HttpExchange exchange) throws IOException {
        int n = SEEN.incrementAndGet();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (exchange.getRequestMethod().equals("POST")) {
            POSTS.incrementAndGet();
        }
        if (n % 3 == 0 || n % 7 == 0) {
            INJECTED.incrementAndGet();
            boolean limited = n % 3 == 0;
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (limited) {
                exchange.getResponseHeaders().add("Retry-After", "0");
                exchange.getResponseHeaders().add("X-RateLimit-Limit", "100");
                exchange.getResponseHeaders().add("X-RateLimit-Remaining", "0");
            }
            byte[] answer = ("{\"error\":{\"code\":" + (limited ? 429 : 503) + "}}").getBytes();
            exchange.sendResponseHeaders(limited ? 429 : 503, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
            return;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SERVER.publicUrl().toString().replaceAll("/+$", "") + exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
            }
        });
        try {
            HttpResponse<byte[]> response = UPSTREAM.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                }
            });
            exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            if (response.body().length > 0) {
                exchange.getResponseBody().write(response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(502, -1);
        }
        exchange.close();
    }

    @Test
    void readsAreRetriedWithinTheBudgetAndSubmissionsNeverTwice() throws Exception {
        String email = Live.newEmail("rate-limits");
        SessionToken token;
        token = LIVE.register(email, Live.PASSWORD);
        RetryPolicy policy = RetryPolicy.exponential(4, Duration.ofMillis(2), Duration.ofMillis(50)).withBudget(0.2, 10);
        int threads = 8;
        int rounds = 15;
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger submissions = new AtomicInteger();
        AtomicInteger limitedReads = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(threads);
        // The test server's in-memory SQLite cannot take parallel writes (starting and submitting a
        // login write; Kratos then answers "database table is locked"), nor a session lookup during
        // one (a 401): whoami calls run in parallel with each other, the writes alone. The retry
        // behaviour under test is the same either way.
        ReadWriteLock database = new ReentrantReadWriteLock();
        try (Kratos kratos = Kratos.connect(KratosConfig.builder().publicUrl("http://127.0.0.1:" + proxy.getAddress().getPort())
                .retryPolicy(policy).build())) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(callers.submit(() -> {
                    for (int i = 0; i < rounds; i++) {
                        database.readLock().lock();
                        try {
                            reads.incrementAndGet();
                            assertInstanceOf(WhoamiOutcome.Active.class, kratos.sessions().whoami(token));
                        } catch (RateLimitedException e) {
                            limitedReads.incrementAndGet();
                        } finally {
                            database.readLock().unlock();
                        }
                        database.writeLock().lock();
                        try {
                            try {
                                reads.incrementAndGet();
                                var flow = kratos.login().start();
                                submissions.incrementAndGet();
                                assertInstanceOf(LoginOutcome.NeedsInput.class, kratos.login().submit(flow,
                                        new LoginMethod.Password(email, Secret.of("wrong-" + Live.PASSWORD))));
                            } catch (RateLimitedException e) {
                                limitedReads.incrementAndGet(); // a limited submission counts here too; it was sent once
                            }
                        } finally {
                            database.writeLock().unlock();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            callers.shutdownNow();
        }
        int readRequests = SEEN.get() - POSTS.get();
        int retries = readRequests - reads.get();
        System.out.println("rate-limit proxy: " + reads.get() + " reads, " + submissions.get() + " submissions, "
                + SEEN.get() + " requests (" + INJECTED.get() + " answered 429/503), " + retries + " retries, "
                + limitedReads.get() + " calls ended in RateLimitedException");
        assertEquals(submissions.get(), POSTS.get(), "each submission reached the proxy exactly once");
        assertTrue(retries > 0, "reads were retried");
        // The budget counts every call made (reads and submissions): retries <= floor + ratio * calls.
        int calls = reads.get() + POSTS.get();
        assertTrue(retries <= 10 + 0.2 * calls, retries + " retries for " + calls + " calls");
    }
}
