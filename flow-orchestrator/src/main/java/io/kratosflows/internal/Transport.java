package io.kratosflows.internal;

import io.kratosflows.ExchangeListener;
import io.kratosflows.HttpExchange;
import io.kratosflows.KratosConfig;
import io.kratosflows.error.KratosException;
import io.kratosflows.error.KratosTransportException;
import io.kratosflows.error.RateLimitedException;
import io.kratosflows.error.UnexpectedResponseException;
import io.kratosflows.generated.invoker.ModelJson;
import io.kratosflows.generated.invoker.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.RejectedExecutionException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.pool.PoolStats;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The one HTTP stack of a {@code Kratos} instance. It executes generated {@link Operation}s on an
 * Apache HttpClient 5 with redirects, cookies, compression and HttpClient's own retries off and
 * {@code Accept: application/json} on every call, reads each body as bytes up to a size cap while
 * streaming (dropping the connection of a larger one), bounds every call by one total deadline
 * (pool wait, connect, request, body, retries), repeats idempotent calls only (once on a stale
 * pooled connection, and as the {@link io.kratosflows.RetryPolicy} allows after 429/503 or a failed
 * connection), and turns every failure into a typed {@link KratosException}.
 */
final class Transport implements AutoCloseable {

    private static final byte[] EMPTY = {};
    private static final ObjectMapper BODY_MAPPER = ModelJson.newMapper();

    private final CloseableHttpClient client;
    private final boolean ownsClient;
    private final String publicUrl;
    private final long deadlineNanos;
    private final long maxBodyBytes;
    private final ExchangeListener listener;
    private final RequestConfig customClientConfig;
    private final Deadlines deadlines;
    private final Retries retries;
    private final PoolingHttpClientConnectionManager pool; // null for a caller's own client

    /** Idle time after which a pooled connection is checked before reuse. */
    static final TimeValue VALIDATE_AFTER_INACTIVITY = TimeValue.ofMilliseconds(100);

    Transport(KratosConfig config) {
        HttpClientLogging.warnIfSecretsWouldBeLogged();
        this.ownsClient = config.httpClient().isEmpty();
        this.pool = ownsClient ? pool(config) : null;
        this.client = ownsClient ? build(config, pool) : config.httpClient().get();
        this.publicUrl = config.publicUrl().toString();
        this.deadlineNanos = config.callTimeout().toNanos();
        this.maxBodyBytes = config.maxResponseBytes();
        this.listener = config.exchangeListener().orElse(null);
        // A caller's own client gets our timeouts and no redirects on each request; ours has them built in.
        this.customClientConfig = ownsClient ? null : requestConfig(config);
        this.deadlines = new Deadlines();
        this.retries = new Retries(config.retryPolicy());
    }

    private static RequestConfig requestConfig(KratosConfig config) {
        return RequestConfig.custom()
                .setRedirectsEnabled(false) // a native client must see Kratos's 303s, never follow them
                .setConnectionRequestTimeout(Timeout.of(config.callTimeout()))
                .setResponseTimeout(Timeout.of(config.readTimeout()))
                .build();
    }

    private static PoolingHttpClientConnectionManager pool(KratosConfig config) {
        PoolingHttpClientConnectionManagerBuilder builder = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(config.maxConnections())
                .setMaxConnPerRoute(config.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(config.connectTimeout()))
                        .setSocketTimeout(Timeout.of(config.readTimeout()))
                        // A connection idle this long is checked before reuse (HttpClient's 2 s let calls
                        // fail on connections a proxy had just closed). The check costs up to 1 ms on a
                        // live connection, so busy connections, reused sooner, skip it.
                        .setValidateAfterInactivity(VALIDATE_AFTER_INACTIVITY)
                        .build());
        config.sslContext().ifPresent(ssl -> builder.setTlsSocketStrategy(new DefaultClientTlsStrategy(ssl)));
        return builder.build();
    }

    private static CloseableHttpClient build(KratosConfig config, PoolingHttpClientConnectionManager pool) {
        return HttpClients.custom()
                .setConnectionManager(pool)
                .disableRedirectHandling() // a native client must see Kratos's 303s, never follow them
                .disableCookieManagement() // a native flow never sends Cookie
                .disableAutomaticRetries() // a retried submission could consume a one-time code twice
                .disableContentCompression() // no decompression bombs: bodies are small JSON
                .setDefaultHeaders(List.of(new BasicHeader(HttpHeaders.ACCEPT, "application/json")))
                .setDefaultRequestConfig(requestConfig(config))
                .setUserAgent(config.userAgent())
                .build();
    }

    /**
     * The built-in pool's state, for tests: connections leased (in use), available (idle) and the maximum.
     *
     * @param leased    connections in use
     * @param available idle connections kept for reuse
     * @param max       the pool's size
     */
    record Pool(int leased, int available, int max) {
    }

    /** {@return the state of the built-in pool; empty for a caller's own client} */
    Optional<Pool> pool() {
        if (pool == null) {
            return Optional.empty();
        }
        PoolStats stats = pool.getTotalStats();
        return Optional.of(new Pool(stats.getLeased(), stats.getAvailable(), stats.getMax()));
    }

    /** {@return the configured public URL} */
    String publicUrl() {
        return publicUrl;
    }

    /**
     * Executes one operation and returns Kratos's response, whatever its status. An idempotent call
     * is repeated once at once when a pooled connection turns out closed, and as the retry policy
     * allows after a 429, a 503 or a failed connection, all within the one call deadline; any other
     * call is sent at most once.
     *
     * @param what      what is attempted, for messages (no secrets)
     * @param operation the generated operation, filled
     * @param context    headers added for the end user
     * @param idempotent whether the call may be repeated (the retry policy only repeats those)
     * @throws KratosTransportException when Kratos could not be reached or did not answer within the deadline
     * @throws UnexpectedResponseException when the answer is not HTTP or its body exceeds the size cap
     * @throws RateLimitedException on 429 and 503 (after the retries the policy allows)
     */
    KratosResponse execute(String what, Operation<?> operation, CallContext context, boolean idempotent) {
        return execute(publicUrl, what, operation, context, idempotent);
    }

    /**
     * Executes one operation against another base URL of the same Kratos (its admin API) with the
     * same client, deadline, size cap, retry policy and listener.
     *
     * @param baseUrl the base URL the operation's path is appended to, without a trailing slash
     */
    KratosResponse execute(String baseUrl, String what, Operation<?> operation, CallContext context, boolean idempotent) {
        long deadlineAt = System.nanoTime() + deadlineNanos;
        retries.called();
        boolean staleRetried = false;
        for (int attempt = 1; ; attempt++) {
            HttpUriRequestBase request = request(baseUrl, operation, context);
            long started = System.nanoTime();
            Deadlines.Call deadline;
            try {
                deadline = deadlines.start(deadlineAt, request::cancel);
            } catch (RejectedExecutionException e) { // close() stopped the deadline thread
                throw new KratosTransportException(what + ": the client is closed", false, e);
            }
            KratosResponse response;
            try {
                response = client.execute(request, ownsClient ? null : freshContext(), r -> read(request, r));
            } catch (IOException e) {
                boolean deadlineHit = deadline.fired();
                tell(baseUrl, request, OptionalInt.empty(), started);
                if (idempotent && !deadlineHit && !staleRetried && closedByServer(e)) {
                    // A pooled connection the server had closed: a GET that never got an answer is safe to resend, once.
                    staleRetried = true;
                    attempt--;
                    continue;
                }
                KratosException failure = failure(baseUrl, what, e, deadlineHit);
                if (idempotent && !deadlineHit && connectFailure(e) && backOff(attempt, Optional.empty(), deadlineAt)) {
                    continue;
                }
                throw failure;
            } catch (RuntimeException e) {
                // HttpClient throws unchecked exceptions too: the lease's CancellationException when the
                // deadline cancels the wait for a pooled connection, a NullPointerException when it closes a
                // connection the call has just leased (a race inside HttpClient 5.6), or an
                // IllegalStateException once the client is closed. All are typed like every other failure.
                tell(baseUrl, request, OptionalInt.empty(), started);
                throw unchecked(baseUrl, what, e, deadline.fired());
            } finally {
                deadline.close();
            }
            tell(baseUrl, request, OptionalInt.of(response.status()), started);
            if (response.status() == 429 || response.status() == 503) {
                RateLimitedException limited = RateLimits.exception(what, response);
                if (idempotent && backOff(attempt, limited.retryAfter(), deadlineAt)) {
                    continue;
                }
                throw limited;
            }
            return response;
        }
    }

    /** {@return whether to try again after {@code attempt}; sleeps the backoff when so} */
    private boolean backOff(int attempt, Optional<Duration> retryAfter, long deadlineAt) {
        if (!retries.allows(attempt)) {
            return false;
        }
        Optional<Duration> delay = retries.delay(attempt, retryAfter);
        if (delay.isEmpty() || System.nanoTime() + delay.get().toNanos() >= deadlineAt || !retries.take()) {
            return false;
        }
        try {
            Thread.sleep(delay.get().toMillis(), (int) (delay.get().toNanos() % 1_000_000));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the caller asked to stop: give it the failure at hand
            return false;
        }
    }

    /** {@return whether the server closed the connection before answering: a stale pooled connection} */
    private static boolean closedByServer(IOException e) {
        return e instanceof NoHttpResponseException || (e instanceof SocketException && !(e instanceof ConnectException));
    }

    /** {@return whether no connection could be made (nothing was sent)} */
    private static boolean connectFailure(IOException e) {
        return e instanceof ConnectException || e instanceof ConnectTimeoutException || e instanceof NoRouteToHostException;
    }

    private HttpUriRequestBase request(String baseUrl, Operation<?> operation, CallContext context) {
        List<String> missing = operation.missingRequired();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(operation.operationId() + " is missing " + missing); // a bug of ours
        }
        StringBuilder uri = new StringBuilder(baseUrl.length() + 96).append(baseUrl).append(operation.path());
        operation.forEachQuery((name, value) -> uri.append(uri.indexOf("?") < 0 ? '?' : '&')
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        HttpUriRequestBase request = new HttpUriRequestBase(operation.method(), URI.create(uri.toString()));
        operation.forEachHeader((name, value) -> {
            if (!name.equalsIgnoreCase("Cookie")) { // the spec lists it; a native flow never sends it
                request.setHeader(name, value);
            }
        });
        String[] extra = context.headers();
        for (int i = 0; i < extra.length; i += 2) {
            request.setHeader(extra[i], extra[i + 1]);
        }
        if (operation.body() != null) {
            request.setEntity(new ByteArrayEntity(json(operation.body()), ContentType.APPLICATION_JSON));
        }
        if (customClientConfig != null) {
            request.setConfig(customClientConfig);
        }
        return request;
    }

    private static byte[] json(Object body) {
        try {
            return BODY_MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request body could not be written: " + e.getOriginalMessage(), e);
        }
    }

    /** A caller's own client may manage cookies: give each call an empty jar so that none is ever sent. */
    private static HttpClientContext freshContext() {
        HttpClientContext context = HttpClientContext.create();
        context.setCookieStore(new BasicCookieStore());
        return context;
    }

    private KratosResponse read(HttpUriRequestBase request, ClassicHttpResponse response) throws IOException {
        Header[] all = response.getHeaders();
        String[] headers = new String[all.length * 2];
        for (int i = 0; i < all.length; i++) {
            headers[2 * i] = all[i].getName();
            headers[2 * i + 1] = all[i].getValue();
        }
        HttpEntity entity = response.getEntity();
        return new KratosResponse(response.getCode(), headers, entity == null ? EMPTY : body(request, entity, response.getCode()));
    }

    /**
     * Reads the body up to the cap. On any failure the request is aborted before the stream is
     * closed: closing it first would drain the rest (all of a 200 MB answer, or the rest of a chunked
     * one) and put the connection back in the pool, where the next call, perhaps a submission that
     * must not be resent, would find it closed by the server.
     */
    private byte[] body(HttpUriRequestBase request, HttpEntity entity, int status) throws IOException {
        long declared = entity.getContentLength();
        if (declared > maxBodyBytes) {
            request.cancel();
            throw new BodyTooLargeException(status);
        }
        try (InputStream in = entity.getContent()) {
            if (in == null) {
                return EMPTY;
            }
            try {
                return readCapped(in, declared, status);
            } catch (IOException | RuntimeException e) {
                request.cancel(); // before the stream's close, which would drain it
                throw e;
            }
        }
    }

    private byte[] readCapped(InputStream in, long declared, int status) throws IOException {
        byte[] buffer = new byte[(int) Math.min(declared > 0 ? declared : 8192, maxBodyBytes + 1)];
        int size = 0;
        for (int n; (n = in.read(buffer, size, buffer.length - size)) != -1; ) {
            size += n;
            if (size > maxBodyBytes) {
                throw new BodyTooLargeException(status);
            }
            if (size == buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, maxBodyBytes + 1));
            }
        }
        return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
    }

    /** Raised while streaming: the body is larger than the cap; the connection is dropped, not drained. */
    private static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;

        BodyTooLargeException(int status) {
            super("body too large");
            this.status = status;
        }
    }

    private KratosException unchecked(String baseUrl, String what, RuntimeException e, boolean deadlineHit) {
        if (deadlineHit) {
            return failure(baseUrl, what, new InterruptedIOException("cancelled"), true);
        }
        String state = e instanceof IllegalStateException ? "the client is closed" : "HttpClient failed";
        return new KratosTransportException(what + ": " + state + " (" + e.getClass().getSimpleName() + ")", false, e);
    }

    private KratosException failure(String baseUrl, String what, IOException e, boolean deadlineHit) {
        if (e instanceof BodyTooLargeException tooLarge) {
            return new UnexpectedResponseException(what + ": the response body exceeds the limit of " + maxBodyBytes
                    + " bytes (KratosConfig maxResponseBytes); it was not read", tooLarge.status, "", "<not read>", null, null);
        }
        if (deadlineHit) {
            return new KratosTransportException(what + ": no complete answer from " + baseUrl + " within the call timeout of "
                    + Duration.ofNanos(deadlineNanos).toMillis() + " ms", true, null);
        }
        if (e instanceof ClientProtocolException) {
            // Something answered, but not in HTTP: a wrong port, a TLS mismatch, a broken proxy.
            return new UnexpectedResponseException(what + ": the answer from " + baseUrl + " is not valid HTTP ("
                    + e.getClass().getSimpleName() + ")", 0, "", "<not HTTP>", null, null);
        }
        boolean timeout = e instanceof InterruptedIOException;
        String kind = timeout ? "timed out" : "could not reach Kratos";
        return new KratosTransportException(what + ": " + kind + " at " + baseUrl + " (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", timeout, e);
    }

    private void tell(String baseUrl, HttpUriRequestBase request, OptionalInt status, long started) {
        if (listener == null) {
            return;
        }
        try {
            listener.onExchange(new HttpExchange(request.getMethod(), shownPath(baseUrl, request.getRequestUri()), status,
                    Duration.ofNanos(System.nanoTime() - started)));
        } catch (RuntimeException ignored) {
            // A listener is an observer: its failure must not change the outcome of the call.
        }
    }

    /** {@return the path and query of a request, with query values that may be secret as ***} */
    private static String shownPath(String baseUrl, String requestUri) {
        int q = requestUri.indexOf('?');
        String path = q < 0 ? requestUri : requestUri.substring(0, q);
        String base = URI.create(baseUrl).getRawPath();
        if (base != null && !base.isEmpty() && path.startsWith(base)) {
            path = path.substring(base.length());
        }
        if (q < 0) {
            return path;
        }
        StringBuilder shown = new StringBuilder(path);
        for (String pair : requestUri.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            shown.append(shown.length() == path.length() ? '?' : '&').append(name).append('=')
                    .append(HttpExchange.shownValue(name, eq < 0 ? "" : pair.substring(eq + 1)));
        }
        return shown.toString();
    }

    @Override
    public void close() {
        deadlines.close();
        if (ownsClient) {
            try {
                client.close();
            } catch (IOException e) {
                // closing idle connections cannot fail in a way the caller could act on
            }
        }
    }
}
