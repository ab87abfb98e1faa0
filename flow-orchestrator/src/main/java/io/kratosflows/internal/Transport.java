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
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;

/**
 * The one HTTP stack of a {@code Kratos} instance. It executes generated {@link Operation}s on an
 * Apache HttpClient 5 with redirects, cookies, compression and automatic retries off and
 * {@code Accept: application/json} on every call, reads each body as bytes up to a size cap while
 * streaming, bounds every call by a total deadline (pool wait, connect, request, body), and turns
 * every failure into a typed {@link KratosException}.
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
    private final ScheduledThreadPoolExecutor deadlines;

    Transport(KratosConfig config) {
        this.ownsClient = config.httpClient().isEmpty();
        this.client = config.httpClient().orElseGet(() -> build(config));
        this.publicUrl = config.publicUrl().toString();
        this.deadlineNanos = config.callTimeout().toNanos();
        this.maxBodyBytes = config.maxResponseBytes();
        this.listener = config.exchangeListener().orElse(null);
        // A caller's own client gets our timeouts and no redirects on each request; ours has them built in.
        this.customClientConfig = ownsClient ? null : requestConfig(config);
        this.deadlines = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "kratos-flows-deadlines");
            t.setDaemon(true);
            return t;
        });
        deadlines.setRemoveOnCancelPolicy(true);
    }

    private static RequestConfig requestConfig(KratosConfig config) {
        return RequestConfig.custom()
                .setRedirectsEnabled(false) // a native client must see Kratos's 303s, never follow them
                .setConnectionRequestTimeout(Timeout.of(config.callTimeout()))
                .setResponseTimeout(Timeout.of(config.readTimeout()))
                .build();
    }

    private static CloseableHttpClient build(KratosConfig config) {
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(config.maxConnections())
                .setMaxConnPerRoute(config.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(config.connectTimeout()))
                        .setSocketTimeout(Timeout.of(config.readTimeout()))
                        .build());
        config.sslContext().ifPresent(ssl -> pool.setTlsSocketStrategy(new DefaultClientTlsStrategy(ssl)));
        return HttpClients.custom()
                .setConnectionManager(pool.build())
                .disableRedirectHandling() // a native client must see Kratos's 303s, never follow them
                .disableCookieManagement() // a native flow never sends Cookie
                .disableAutomaticRetries() // a retried submission could consume a one-time code twice
                .disableContentCompression() // no decompression bombs: bodies are small JSON
                .setDefaultHeaders(List.of(new BasicHeader(HttpHeaders.ACCEPT, "application/json")))
                .setDefaultRequestConfig(requestConfig(config))
                .setUserAgent(config.userAgent())
                .build();
    }

    /** {@return the configured public URL} */
    String publicUrl() {
        return publicUrl;
    }

    /**
     * Executes one operation and returns Kratos's response, whatever its status.
     *
     * @param what      what is attempted, for messages (no secrets)
     * @param operation the generated operation, filled
     * @param context    headers added for the end user
     * @param idempotent whether the call may be repeated (the retry policy only repeats those)
     * @throws KratosTransportException when Kratos could not be reached or did not answer within the deadline
     * @throws UnexpectedResponseException when the answer is not HTTP or its body exceeds the size cap
     * @throws RateLimitedException on 429 and 503
     */
    KratosResponse execute(String what, Operation<?> operation, CallContext context, boolean idempotent) {
        return execute(publicUrl, what, operation, context, idempotent);
    }

    /**
     * Executes one operation against another base URL of the same Kratos (its admin API) with the
     * same client, deadline, size cap and listener.
     *
     * @param baseUrl the base URL the operation's path is appended to, without a trailing slash
     */
    KratosResponse execute(String baseUrl, String what, Operation<?> operation, CallContext context, boolean idempotent) {
        HttpUriRequestBase request = request(baseUrl, operation, context);
        long started = System.nanoTime();
        ScheduledFuture<?> deadline = deadlines.schedule(request::cancel, deadlineNanos, TimeUnit.NANOSECONDS);
        KratosResponse response;
        try {
            response = client.execute(request, ownsClient ? null : freshContext(), this::read);
        } catch (IOException e) {
            boolean deadlineHit = deadline.isDone() && !deadline.isCancelled();
            tell(baseUrl, request, OptionalInt.empty(), started);
            throw failure(baseUrl, what, e, deadlineHit);
        } finally {
            deadline.cancel(false);
        }
        tell(baseUrl, request, OptionalInt.of(response.status()), started);
        if (response.status() == 429 || response.status() == 503) {
            throw RateLimits.exception(what, response);
        }
        return response;
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

    private KratosResponse read(ClassicHttpResponse response) throws IOException {
        Header[] all = response.getHeaders();
        String[] headers = new String[all.length * 2];
        for (int i = 0; i < all.length; i++) {
            headers[2 * i] = all[i].getName();
            headers[2 * i + 1] = all[i].getValue();
        }
        HttpEntity entity = response.getEntity();
        return new KratosResponse(response.getCode(), headers, entity == null ? EMPTY : body(entity, response.getCode()));
    }

    private byte[] body(HttpEntity entity, int status) throws IOException {
        long declared = entity.getContentLength();
        if (declared > maxBodyBytes) {
            throw new BodyTooLargeException(status);
        }
        try (InputStream in = entity.getContent()) {
            if (in == null) {
                return EMPTY;
            }
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
        deadlines.shutdownNow();
        if (ownsClient) {
            try {
                client.close();
            } catch (IOException e) {
                // closing idle connections cannot fail in a way the caller could act on
            }
        }
    }
}
