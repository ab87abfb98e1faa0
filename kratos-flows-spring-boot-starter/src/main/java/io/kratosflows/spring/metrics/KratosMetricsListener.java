package io.kratosflows.spring.metrics;

import io.kratosflows.ExchangeListener;
import io.kratosflows.HttpExchange;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Records every exchange with Kratos in the timer {@value #METRIC}, tagged {@code method},
 * {@code uri} (the path template, see {@link PathTemplates}), {@code status} (the HTTP status, or
 * {@code NONE} when no answer came) and {@code outcome} ({@code SUCCESS}, {@code REDIRECTION},
 * {@code CLIENT_ERROR}, {@code SERVER_ERROR}, {@code UNKNOWN}): the shape of Spring's
 * {@code http.client.requests}. No query value, header or body is recorded.
 *
 * <p>A timer rather than an {@code Observation}: the library reports an exchange once it has
 * ended, with its measured duration, and a timer records that duration as it is, where an
 * observation would time its own (empty) start and stop.
 */
public final class KratosMetricsListener implements ExchangeListener {

    /** The timer's name. */
    public static final String METRIC = "kratos.client.requests";

    private final Supplier<MeterRegistry> registry;
    private volatile MeterRegistry resolved;
    private volatile boolean looked;

    /**
     * Creates a listener for the registry the supplier gives; it is asked once, at the first
     * exchange (so the registry may be created after this listener), and may give {@code null},
     * which turns recording off.
     */
    public KratosMetricsListener(Supplier<MeterRegistry> registry) {
        this.registry = Objects.requireNonNull(registry, "registry == null");
    }

    /** Creates a listener recording into {@code registry}. */
    public KratosMetricsListener(MeterRegistry registry) {
        this(() -> registry);
        Objects.requireNonNull(registry, "registry == null");
    }

    @Override
    public void onExchange(HttpExchange exchange) {
        MeterRegistry target = registry();
        if (target == null) {
            return;
        }
        String status = exchange.status().isPresent() ? String.valueOf(exchange.status().getAsInt()) : "NONE";
        Timer.builder(METRIC)
                .description("HTTP exchanges of kratos-flows with Kratos")
                .tag("method", exchange.method())
                .tag("uri", PathTemplates.of(exchange.path()))
                .tag("status", status)
                .tag("outcome", outcome(exchange))
                .register(target)
                .record(exchange.duration());
    }

    private MeterRegistry registry() {
        if (!looked) {
            synchronized (this) {
                if (!looked) {
                    resolved = registry.get();
                    looked = true;
                }
            }
        }
        return resolved;
    }

    private static String outcome(HttpExchange exchange) {
        if (exchange.status().isEmpty()) {
            return "UNKNOWN";
        }
        int status = exchange.status().getAsInt();
        if (status >= 200 && status < 300) {
            return "SUCCESS";
        } else if (status >= 300 && status < 400) {
            return "REDIRECTION";
        } else if (status >= 400 && status < 500) {
            return "CLIENT_ERROR";
        } else if (status >= 500 && status < 600) {
            return "SERVER_ERROR";
        }
        return "UNKNOWN";
    }
}
