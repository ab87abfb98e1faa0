package io.kratosflows.cli;

import io.kratosflows.Kratos;
import io.kratosflows.KratosConfig;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;

/**
 * One {@link Kratos} client for a command, over an HTTP client built like the library's own
 * (no redirects, no cookies, no retries, {@code Accept: application/json}) plus the
 * {@link RequestTrace} interceptors, so the CLI can show which requests a flow made.
 */
final class Connection implements AutoCloseable {

    static final String USER_AGENT = "kratos-flows-cli";

    private final CloseableHttpClient http;
    private final Kratos kratos;
    private final RequestTrace trace;
    private final URI publicUrl;

    private Connection(URI publicUrl, Duration timeout) {
        this.publicUrl = Objects.requireNonNull(publicUrl, "publicUrl");
        this.trace = new RequestTrace();
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(timeout))
                                .setSocketTimeout(Timeout.of(timeout))
                                .build())
                        .build())
                .disableRedirectHandling() // a native flow must see Kratos's 303s
                .disableCookieManagement() // and never send a Cookie
                .disableAutomaticRetries() // a retried submission could spend a one-time code twice
                .setDefaultHeaders(List.of(new BasicHeader(HttpHeaders.ACCEPT, "application/json")))
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(timeout)).build())
                .setUserAgent(USER_AGENT)
                .addRequestInterceptorLast(trace.requestInterceptor())
                .addResponseInterceptorFirst(trace.responseInterceptor())
                .build();
        this.kratos = Kratos.connect(KratosConfig.builder()
                .publicUrl(publicUrl)
                .timeout(timeout)
                .userAgent(USER_AGENT)
                .httpClient(http)
                .build());
    }

    static Connection open(URI publicUrl, Duration timeout) {
        return new Connection(publicUrl, timeout);
    }

    Kratos kratos() {
        return kratos;
    }

    RequestTrace trace() {
        return trace;
    }

    URI publicUrl() {
        return publicUrl;
    }

    @Override
    public void close() {
        kratos.close();
        try {
            http.close();
        } catch (IOException e) {
            // closing idle connections cannot fail in a way the user could act on
        }
    }
}
