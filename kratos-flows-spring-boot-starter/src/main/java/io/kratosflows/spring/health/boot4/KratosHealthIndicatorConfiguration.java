package io.kratosflows.spring.health.boot4;

import io.kratosflows.spring.health.KratosReadiness;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link KratosHealthIndicator} as {@code kratosHealthIndicator} (shown as {@code kratos}
 * under {@code /actuator/health}). Imported by {@code KratosHealthAutoConfiguration} on Boot 4 only.
 */
@Configuration(proxyBeanMethods = false)
public class KratosHealthIndicatorConfiguration {

    /** Creates the configuration (Spring does). */
    public KratosHealthIndicatorConfiguration() {
    }

    /** {@return the indicator} */
    @Bean
    @ConditionalOnMissingBean(name = "kratosHealthIndicator")
    public KratosHealthIndicator kratosHealthIndicator(KratosReadiness readiness) {
        return new KratosHealthIndicator(readiness);
    }
}
