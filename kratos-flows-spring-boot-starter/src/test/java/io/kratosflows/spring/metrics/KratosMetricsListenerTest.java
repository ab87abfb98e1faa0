package io.kratosflows.spring.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.kratosflows.HttpExchange;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class KratosMetricsListenerTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final KratosMetricsListener listener = new KratosMetricsListener(registry);

    @Test
    void recordsMethodTemplateStatusOutcomeAndDuration() {
        listener.onExchange(new HttpExchange("POST", "/self-service/login?flow=3f1b2c4d-1111-2222-3333-444455556666",
                OptionalInt.of(400), Duration.ofMillis(12)));
        listener.onExchange(new HttpExchange("POST", "/self-service/login?flow=aaaaaaaa-1111-2222-3333-444455556666",
                OptionalInt.of(400), Duration.ofMillis(8)));

        Timer timer = registry.get(KratosMetricsListener.METRIC)
                .tags("method", "POST", "uri", "/self-service/login", "status", "400", "outcome", "CLIENT_ERROR").timer();
        assertThat(timer.count()).isEqualTo(2);
        assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(20.0);
        assertThat(registry.getMeters()).hasSize(1); // the flow id does not make a new series
    }

    @Test
    void anExchangeWithoutAnswerIsNoneAndUnknown() {
        listener.onExchange(new HttpExchange("GET", "/sessions/whoami", OptionalInt.empty(), Duration.ofSeconds(10)));

        assertThat(registry.get(KratosMetricsListener.METRIC).tags("status", "NONE", "outcome", "UNKNOWN").timer().count())
                .isEqualTo(1);
    }

    @Test
    void recordsNoQueryValue() {
        listener.onExchange(new HttpExchange("GET", "/sessions/token-exchange?init_code=***", OptionalInt.of(200), Duration.ofMillis(1)));

        for (Meter meter : registry.getMeters()) {
            meter.getId().getTags().forEach(tag -> assertThat(tag.getValue()).doesNotContain("?").doesNotContain("***"));
        }
        assertThat(registry.get(KratosMetricsListener.METRIC).tag("outcome", "SUCCESS").timer().count()).isEqualTo(1);
    }

    @Test
    void withoutARegistryRecordsNothing() {
        new KratosMetricsListener(() -> null).onExchange(
                new HttpExchange("GET", "/sessions/whoami", OptionalInt.of(200), Duration.ofMillis(1)));

        assertThat(registry.getMeters()).isEmpty();
    }
}
