package io.kratosflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.KratosConfig;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.error.KratosException;
import io.kratosflows.error.KratosTransportException;
import io.kratosflows.error.UnexpectedResponseException;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.session.WhoamiOutcome;
import io.kratosflows.testing.FaultServer;
import io.kratosflows.testing.RecordedResponses;
import io.kratosflows.testing.Samples;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.junit.jupiter.api.Test;

/**
 * The transport under faults of the connection itself: bodies over the cap, keep-alive connections
 * the server closed, bodies dripped a byte at a time, a silent server behind a small pool, bombs,
 * and the pool's state after many error responses. Each test failed before the fix it names.
 */
class TransportFaultsTest {

    private static final SessionToken TOKEN = SessionToken.of("ory_st_transport");
    private static final byte[] WHOAMI = FaultServer.json(200, RecordedResponses.body("session/whoami.200.json"));
    private static final byte[] INVALID_CREDENTIALS = FaultServer.json(400,
            RecordedResponses.body("login/submit-password-invalid-credentials.400.json"));

    private static Calls calls(Transport transport) {
        return new Calls(transport, CallContext.NONE, false);
    }

    private static KratosConfig.Builder config(FaultServer server) {
        return KratosConfig.builder().publicUrl(server.url());
    }

    private static LoginOutcome submit(Calls calls) {
        return UpdateLoginFlowStep.run(calls, Samples.login(), new LoginMethod.Password("ada@example.org", Secret.of("pw-123456789")));
    }

    /**
     * Defect: over the cap, the body stream was closed, which drained the rest and pooled the
     * connection; the next POST found it closed by the server (with a length, then chunked too).
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "chunked: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void aBodyOverTheCapClosesItsConnectionSoTheNextSubmissionGetsAFreshOne(boolean chunked) throws Exception {
        AtomicInteger answered = new AtomicInteger();
        FaultServer.Behaviour huge = FaultServer.huge(5L << 20, chunked);
        try (FaultServer server = new FaultServer((request, socket, out) -> answered.getAndIncrement() == 0
                ? huge.answer(request, socket, out) : FaultServer.bytes(INVALID_CREDENTIALS).answer(request, socket, out));
             Transport transport = new Transport(config(server).build())) {

            var tooLarge = assertThrows(UnexpectedResponseException.class, () -> ToSessionStep.run(calls(transport), TOKEN));
            LoginOutcome next = submit(calls(transport));

            assertTrue(tooLarge.getMessage().contains("exceeds the limit of 4194304 bytes"), tooLarge.getMessage());
            assertInstanceOf(LoginOutcome.NeedsInput.class, next);
            assertEquals(1, server.count("POST"));
            assertEquals(2, server.connections(), "the oversized answer's connection was not reused");
            assertEquals(0, transport.pool().orElseThrow().leased());
        }
    }

    /** #21: a pooled connection the server closed (quietly, 50 ms after answering) failed the next call, 18 of 18 times. */
    @Test
    void aConnectionTheServerClosedWhileIdleFailsNoCallAndNoSubmissionIsResent() throws Exception {
        AtomicInteger n = new AtomicInteger();
        try (FaultServer server = new FaultServer((request, socket, out) -> FaultServer.answerThenCloseAfter(
                request.method().equals("POST") ? INVALID_CREDENTIALS : WHOAMI, 50).answer(request, socket, out));
             Transport transport = new Transport(config(server).build())) {
            for (int trial = 0; trial < 18; trial++) {
                assertInstanceOf(WhoamiOutcome.Active.class, ToSessionStep.run(calls(transport), TOKEN));
                Thread.sleep(200);
                assertInstanceOf(LoginOutcome.NeedsInput.class, submit(calls(transport)));
                Thread.sleep(200);
                n.incrementAndGet();
            }
            assertEquals(18, n.get());
            assertEquals(18, server.count("POST"), "each submission sent exactly once");
            assertEquals(18, server.count("GET"), "validated before reuse, so no read had to be repeated either");
        }
    }

    /** #21: a server that closes right after answering (no Connection: close): reads are repeated once, at most. */
    @Test
    void aConnectionClosedJustAfterTheAnswerIsRetriedOnceForReadsOnly() throws Exception {
        try (FaultServer server = new FaultServer(FaultServer.answerThenCloseAfter(WHOAMI, 0));
             Transport transport = new Transport(config(server).build())) {
            for (int i = 0; i < 20; i++) {
                assertInstanceOf(WhoamiOutcome.Active.class, ToSessionStep.run(calls(transport), TOKEN));
                Thread.sleep(10);
            }
            assertTrue(server.count("GET") <= 40, server.count("GET") + " requests for 20 reads");
        }
    }

    /** #13/#19: a body dripped one byte a second held the caller for as long as it dripped. */
    @Test
    void aBodyDrippedAByteASecondIsCutOffAtTheCallTimeout() throws Exception {
        try (FaultServer server = new FaultServer(FaultServer.drip(RecordedResponses.body("session/whoami.200.json"), 1_000));
             Transport transport = new Transport(config(server).readTimeout(Duration.ofSeconds(5))
                     .callTimeout(Duration.ofMillis(1_500)).build())) {
            long started = System.nanoTime();

            var error = assertThrows(KratosTransportException.class, () -> ToSessionStep.run(calls(transport), TOKEN));

            long tookMillis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(error.isTimeout());
            assertTrue(error.getMessage().contains("within the call timeout of 1500 ms"), error.getMessage());
            assertTrue(tookMillis < 4_000, "took " + tookMillis + " ms for a body that drips for minutes");
        }
    }

    /** #19: with a pool of 2 and a silent server, callers waited in turn (1 s, 2 s, 3 s, 4 s for a 1 s timeout). */
    @Test
    void theWaitForAPooledConnectionIsPartOfTheCallDeadline() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try (FaultServer server = new FaultServer(FaultServer.silence());
             Transport transport = new Transport(config(server).maxConnections(2).readTimeout(Duration.ofSeconds(10))
                     .callTimeout(Duration.ofSeconds(1)).build())) {
            List<Future<Long>> waits = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                waits.add(callers.submit(() -> {
                    long started = System.nanoTime();
                    assertThrows(KratosException.class, () -> ToSessionStep.run(calls(transport), TOKEN));
                    return (System.nanoTime() - started) / 1_000_000;
                }));
            }
            for (Future<Long> wait : waits) {
                long millis = wait.get(20, TimeUnit.SECONDS);
                assertTrue(millis < 2_500, "a caller waited " + millis + " ms with a 1 s call timeout");
            }
            assertEquals(2, transport.pool().orElseThrow().max());
        } finally {
            callers.shutdownNow();
        }
    }

    /**
     * CI, once in many runs: a caller that leased a connection just as its deadline closed it got
     * HttpClient's NullPointerException (the pool entry's connection read twice, once after the close).
     * A client that throws it when cancelled reproduces the race every time.
     */
    @Test
    void anUncheckedExceptionOfHttpClientAtTheDeadlineIsATypedTimeout() throws Exception {
        try (CloseableHttpClient racing = new ThrowingClient(true, new NullPointerException("conn is null"));
             Transport transport = new Transport(KratosConfig.builder().publicUrl("http://127.0.0.1:9")
                     .callTimeout(Duration.ofMillis(200)).httpClient(racing).build())) {

            var error = assertThrows(KratosTransportException.class, () -> ToSessionStep.run(calls(transport), TOKEN));

            assertTrue(error.isTimeout());
            assertTrue(error.getMessage().contains("within the call timeout of 200 ms"), error.getMessage());
        }
    }

    /** Before the deadline, an unchecked exception of HttpClient is a transport failure that keeps it as the cause. */
    @Test
    void anUncheckedExceptionOfHttpClientIsATypedTransportFailure() throws Exception {
        NullPointerException thrown = new NullPointerException("conn is null");
        try (CloseableHttpClient broken = new ThrowingClient(false, thrown);
             Transport transport = new Transport(KratosConfig.builder().publicUrl("http://127.0.0.1:9").httpClient(broken).build())) {

            var error = assertThrows(KratosTransportException.class, () -> ToSessionStep.run(calls(transport), TOKEN));

            assertFalse(error.isTimeout());
            assertEquals("whoami: HttpClient failed (NullPointerException)", error.getMessage());
            assertEquals(thrown, error.getCause());
        }
    }

    /** A call on a closed client was a RejectedExecutionException of the deadline thread. */
    @Test
    void aCallAfterCloseIsATypedTransportFailure() throws Exception {
        try (FaultServer server = new FaultServer(FaultServer.bytes(WHOAMI))) {
            Transport transport = new Transport(config(server).build());
            transport.close();

            var error = assertThrows(KratosTransportException.class, () -> ToSessionStep.run(calls(transport), TOKEN));

            assertEquals("whoami: the client is closed", error.getMessage());
            assertFalse(error.isTimeout());
            assertEquals(0, server.requests().size());
        }
    }

    /** A client that throws the given exception, at once or once the request is cancelled. */
    private static final class ThrowingClient extends CloseableHttpClient {
        private final boolean whenCancelled;
        private final RuntimeException thrown;

        ThrowingClient(boolean whenCancelled, RuntimeException thrown) {
            this.whenCancelled = whenCancelled;
            this.thrown = thrown;
        }

        @Override
        protected CloseableHttpResponse doExecute(HttpHost target, ClassicHttpRequest request, HttpContext context) {
            if (whenCancelled) {
                CountDownLatch cancelled = new CountDownLatch(1);
                ((HttpUriRequestBase) request).setDependency(() -> {
                    cancelled.countDown();
                    return true;
                });
                try {
                    assertTrue(cancelled.await(10, TimeUnit.SECONDS), "the deadline never cancelled the request");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            throw thrown;
        }

        @Override
        public void close() {
        }

        @Override
        public void close(CloseMode closeMode) {
        }
    }

    /** #19: the client advertised gzip and inflated without a bound; compression is off, so a bomb stays 1 MB of bytes. */
    @Test
    void aGzipBombIsNeitherAskedForNorInflated() throws Exception {
        byte[] bomb = gzipOfZeros(200L << 20);
        try (FaultServer server = new FaultServer(FaultServer.bytes(FaultServer.response(200, "application/json", bomb,
                "Content-Encoding: gzip")));
             Transport transport = new Transport(config(server).build())) {

            var error = assertThrows(UnexpectedResponseException.class, () -> ToSessionStep.run(calls(transport), TOKEN));

            assertNull(server.requests().get(0).header("Accept-Encoding"));
            assertEquals("<" + bomb.length + " bytes, not JSON; not shown>", error.bodyExcerpt());
        }
    }

    /** #19: 300,000 UI nodes ran the JVM out of memory; the parser's token limit refuses them, and 1,001 nodes are refused by count. */
    @Test
    void aFlowWithHundredsOfThousandsOfNodesIsRefused() throws Exception {
        String node = "{\"type\":\"input\",\"group\":\"default\",\"attributes\":{\"node_type\":\"input\",\"name\":\"n\"}}";
        for (int nodes : new int[] {300_000, UiReader.MAX_NODES + 1}) {
            String body = "{\"id\":\"f\",\"ui\":{\"action\":\"x\",\"method\":\"POST\",\"nodes\":["
                    + String.join(",", java.util.Collections.nCopies(nodes, node)) + "]}}";
            try (FaultServer server = new FaultServer(FaultServer.bytes(FaultServer.json(200, body)));
                 Transport transport = new Transport(config(server).maxResponseBytes(64L << 20).build())) {

                var error = assertThrows(UnexpectedResponseException.class, () -> FlowStarts.read(calls(transport), "start login flow",
                        FlowStarts.login(io.kratosflows.login.LoginOptions.defaults()), f -> FlowReader.login(f, java.util.Optional.empty())));

                assertTrue(error.getMessage().contains(nodes > Json.MAX_TOKEN_COUNT / 8 ? "StreamConstraintsException" : "more than 1000 UI nodes"),
                        error.getMessage());
            }
        }
    }

    /** #13: after 1,000 error answers of every kind, from 16 threads, no connection is leaked and the pool stays bounded. */
    @Test
    void aThousandErrorAnswersLeakNoConnection() throws Exception {
        AtomicInteger n = new AtomicInteger();
        List<FaultServer.Behaviour> kinds = List.of(FaultServer.bytes(FaultServer.json(500, "{\"error\":{\"code\":500}}")),
                FaultServer.bytes(FaultServer.json(429, "", "Retry-After: 1")), FaultServer.bytes(FaultServer.json(404, "<html>")),
                FaultServer.reset(), FaultServer.noAnswer(), FaultServer.huge(5L << 20, true),
                FaultServer.bytesThenClose(FaultServer.json(200, "{\"id\":")));
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try (FaultServer server = new FaultServer((request, socket, out) -> kinds.get(n.getAndIncrement() % kinds.size())
                .answer(request, socket, out));
             Transport transport = new Transport(config(server).maxConnections(8).build())) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                done.add(callers.submit(() -> assertThrows(KratosException.class, () -> ToSessionStep.run(calls(transport), TOKEN))));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            Transport.Pool pool = transport.pool().orElseThrow();
            assertEquals(0, pool.leased(), "connections still leased: " + pool);
            assertTrue(pool.available() <= 8, pool.toString());
            // (The server's own count of open sockets lags the client's aborts, so the pool's figures are the measure.)
        } finally {
            callers.shutdownNow();
        }
    }

    /** The listener sees every attempt; a connection refused is retried only for reads and only under a policy. */
    @Test
    void aRefusedConnectionIsRetriedForReadsUnderAPolicyOnly() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> exchanges = new java.util.concurrent.CopyOnWriteArrayList<>();
        Consumer<KratosConfig.Builder> listen = b -> b.exchangeListener(e -> exchanges.add(e.line()));
        KratosConfig.Builder builder = KratosConfig.builder().publicUrl("http://127.0.0.1:" + port)
                .retryPolicy(io.kratosflows.RetryPolicy.exponential(3, Duration.ofMillis(1), Duration.ofMillis(5)));
        listen.accept(builder);
        try (Transport transport = new Transport(builder.build())) {
            assertThrows(KratosTransportException.class, () -> ToSessionStep.run(calls(transport), TOKEN));
            assertEquals(3, exchanges.size(), exchanges.toString());
            exchanges.clear();
            assertThrows(KratosTransportException.class, () -> submit(calls(transport)));
            assertEquals(1, exchanges.size(), exchanges.toString());
        }
        assertFalse(exchanges.get(0).contains("pw-123456789"));
    }

    /** #21: whoami reported Active for a body saying {@code active: false}; over HTTP from a stub it is NotSignedIn. */
    @Test
    void whoamiOfASessionThatSaysItIsInactiveIsNotSignedIn() throws Exception {
        String inactive = RecordedResponses.body("session/whoami.200.json").replaceFirst("\"active\":\\s*true", "\"active\": false");
        try (FaultServer server = new FaultServer(FaultServer.bytes(FaultServer.json(200, inactive)));
             Transport transport = new Transport(config(server).build())) {
            var outcome = assertInstanceOf(WhoamiOutcome.NotSignedIn.class, ToSessionStep.run(calls(transport), TOKEN));
            assertTrue(outcome.error().is("session_inactive"));
            assertTrue(inactive.contains("\"active\": false"), "the stub's body says inactive");
        }
    }

    private static byte[] gzipOfZeros(long size) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written < size; written += zeros.length) {
                gzip.write(zeros);
            }
        }
        return bytes.toByteArray();
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
