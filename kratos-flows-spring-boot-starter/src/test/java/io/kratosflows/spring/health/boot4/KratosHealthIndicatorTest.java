package io.kratosflows.spring.health.boot4;

import static org.assertj.core.api.Assertions.assertThat;

import io.kratosflows.spring.health.KratosReadiness;
import io.kratosflows.spring.StubKratos;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class KratosHealthIndicatorTest {

    @Test
    void upWhenReadyDownOtherwise() {
        try (StubKratos kratos = new StubKratos()) {
            KratosHealthIndicator indicator = new KratosHealthIndicator(new KratosReadiness(kratos.url(), Duration.ofSeconds(3)));

            Health up = indicator.health();
            kratos.ready(503);
            Health down = indicator.health();

            assertThat(up.getStatus()).isEqualTo(Status.UP);
            assertThat(up.getDetails()).containsEntry("status", 200).containsKey("url").containsKey("tookMillis");
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(down.getDetails()).containsEntry("status", 503);
        }
    }
}
