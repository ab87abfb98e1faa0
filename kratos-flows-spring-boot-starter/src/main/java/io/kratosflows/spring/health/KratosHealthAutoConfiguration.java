package io.kratosflows.spring.health;

import io.kratosflows.Kratos;
import io.kratosflows.spring.KratosAutoConfiguration;
import io.kratosflows.spring.KratosProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;

/**
 * A {@link KratosReadiness} probe bean and, on Spring Boot 4 with its health module, the
 * {@code kratos} health indicator built on it (off with {@code management.health.kratos.enabled=false}).
 *
 * <p>Spring Boot 4 moved the health API to {@code org.springframework.boot.health.contributor};
 * one class cannot implement both that and Boot 3's. The Boot 4 indicator is therefore named here
 * by text, behind a class condition, so that this class also loads on Boot 3.5.
 */
@AutoConfiguration(after = KratosAutoConfiguration.class)
@ConditionalOnClass(Kratos.class)
@ConditionalOnBean(Kratos.class)
public class KratosHealthAutoConfiguration {

    /** Creates the auto-configuration (Spring does). */
    public KratosHealthAutoConfiguration() {
    }

    /** {@return the readiness probe of the Kratos bean's public URL} */
    @Bean
    @ConditionalOnMissingBean
    public KratosReadiness kratosReadiness(Kratos kratos, KratosProperties properties) {
        return new KratosReadiness(kratos.config().publicUrl(), properties.health().timeout());
    }

    /** The indicator, on Boot 4. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    @ConditionalOnProperty(prefix = "management.health.kratos", name = "enabled", matchIfMissing = true)
    @Import(Boot4Indicator.class)
    static class Indicator {
    }

    /** Imports the Boot 4 indicator's configuration by name (see the class comment). */
    static final class Boot4Indicator implements ImportSelector {
        @Override
        public String[] selectImports(AnnotationMetadata metadata) {
            return new String[] {"io.kratosflows.spring.health.boot4.KratosHealthIndicatorConfiguration"};
        }
    }
}
