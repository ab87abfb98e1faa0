package io.kratosflows.spring.health.boot4;

import static org.assertj.core.api.Assertions.assertThat;

import io.kratosflows.spring.KratosAutoConfiguration;
import io.kratosflows.spring.health.KratosHealthAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class KratosHealthAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KratosAutoConfiguration.class, KratosHealthAutoConfiguration.class))
            .withPropertyValues("kratos.public-url=http://127.0.0.1:4433");

    @Test
    void registersTheKratosIndicator() {
        runner.run(context -> assertThat(context).hasBean("kratosHealthIndicator").hasSingleBean(KratosHealthIndicator.class));
    }

    @Test
    void canBeTurnedOff() {
        runner.withPropertyValues("management.health.kratos.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(KratosHealthIndicator.class));
    }
}
