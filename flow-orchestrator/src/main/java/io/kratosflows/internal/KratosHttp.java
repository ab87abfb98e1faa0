package io.kratosflows.internal;

import io.kratosflows.ExchangeListener;
import io.kratosflows.HttpExchange;
import io.kratosflows.KratosConfig;
import io.kratosflows.error.KratosTransportException;
import io.kratosflows.generated.api.FrontendApi;
import io.kratosflows.generated.invoker.ApiException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;

/**
 * The one HTTP stack of a {@code Kratos} instance: an Apache HttpClient 5 with redirects and
 * cookie management disabled, {@code Accept: application/json} on every call, a connection pool
 * and timeouts; the generated {@link FrontendApi} on top; and {@link #call} that turns every
 * response into a {@link WireResponse} and every I/O failure into a {@link KratosTransportException}.
 */
public final class KratosHttp implements AutoCloseable {

    /** One call into the generated API. */
    @FunctionalInterface
    public interface ApiCall {
        /** Performs the call. */
        void run(FrontendApi api) throws ApiException;
    }

    private final CloseableHttpClient httpClient;
    private final boolean ownsClient;
    private final CapturingApiClient apiClient;
    private final FrontendApi frontend;
    private final String publicUrl;
    private final java.util.Optional<ExchangeListener> listener;

    /** Builds the stack for a configuration. */
    public KratosHttp(KratosConfig config) {
        this.ownsClient = config.httpClient().isEmpty();
        this.httpClient = config.httpClient().orElseGet(() -> build(config));
        this.apiClient = new CapturingApiClient(httpClient);
        this.publicUrl = config.publicUrl().toString();
        this.listener = config.exchangeListener();
        apiClient.setBasePath(publicUrl);
        apiClient.setUserAgent(config.userAgent());
        apiClient.setConnectTimeout((int) config.connectTimeout().toMillis());
        apiClient.setReadTimeout((int) config.readTimeout().toMillis());
        this.frontend = new FrontendApi(apiClient);
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
                .setDefaultHeaders(List.of(new BasicHeader(HttpHeaders.ACCEPT, "application/json")))
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(config.readTimeout())).build())
                .setUserAgent(config.userAgent())
                .build();
    }

    /**
     * Runs one generated-API call and returns Kratos's response, whatever its status.
     *
     * @param what what is attempted, for error messages (no secrets)
     * @param call the call
     * @return the response
     * @throws KratosTransportException when Kratos could not be reached or did not answer in time
     */
    public WireResponse call(String what, ApiCall call) {
        long started = System.nanoTime();
        try {
            call.run(frontend);
        } catch (ApiException e) {
            apiClient.take();
            tell(OptionalInt.empty(), started);
            throw failure(what, e);
        }
        WireResponse response = apiClient.take();
        if (response == null) {
            throw new IllegalStateException("no response captured for " + what);
        }
        tell(OptionalInt.of(response.status()), started);
        return response;
    }

    private void tell(OptionalInt status, long started) {
        String[] line = apiClient.takeRequestLine().split(" ", 2);
        if (listener.isEmpty()) {
            return;
        }
        try {
            listener.get().onExchange(new HttpExchange(line[0], line.length > 1 ? line[1] : "", status,
                    Duration.ofNanos(System.nanoTime() - started)));
        } catch (RuntimeException ignored) {
            // A listener is an observer: its failure must not change the outcome of the call.
        }
    }

    private RuntimeException failure(String what, ApiException e) {
        Throwable cause = e.getCause();
        if (cause instanceof IOException io) {
            boolean timeout = io instanceof InterruptedIOException;
            String kind = timeout ? "timed out" : "could not reach Kratos";
            return new KratosTransportException(what + ": " + kind + " at " + publicUrl + " (" + io.getClass().getSimpleName()
                    + (io.getMessage() == null ? "" : ": " + io.getMessage()) + ")", timeout, io);
        }
        // Anything else is a failure to build the request: a programming error, not Kratos's answer.
        return new IllegalStateException(what + ": the request could not be built: " + e.getMessage(), e);
    }

    /** {@return the configured public URL} */
    public String publicUrl() {
        return publicUrl;
    }

    @Override
    public void close() {
        if (ownsClient) {
            try {
                httpClient.close();
            } catch (IOException e) {
                // closing idle connections cannot fail in a way the caller could act on
            }
        }
    }
}
