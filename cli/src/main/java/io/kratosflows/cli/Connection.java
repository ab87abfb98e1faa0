package io.kratosflows.cli;

import io.kratosflows.Kratos;
import io.kratosflows.KratosConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * One {@link Kratos} client for a command, with a {@link RequestTrace} listening to its
 * exchanges so that the CLI can show which requests a flow made.
 */
final class Connection implements AutoCloseable {

    static final String USER_AGENT = "kratos-flows-cli";

    private final Kratos kratos;
    private final RequestTrace trace;
    private final URI publicUrl;

    private Connection(URI publicUrl, Duration timeout) {
        this.publicUrl = Objects.requireNonNull(publicUrl, "publicUrl");
        this.trace = new RequestTrace();
        this.kratos = Kratos.connect(KratosConfig.builder()
                .publicUrl(publicUrl)
                .timeout(timeout)
                .userAgent(USER_AGENT)
                .exchangeListener(trace)
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
    }
}
