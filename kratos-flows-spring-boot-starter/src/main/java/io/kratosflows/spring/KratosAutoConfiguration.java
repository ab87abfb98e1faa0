package io.kratosflows.spring;

import io.kratosflows.ExchangeListener;
import io.kratosflows.HttpExchange;
import io.kratosflows.Kratos;
import io.kratosflows.KratosConfig;
import io.kratosflows.spring.metrics.KratosMetricsListener;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures one {@link Kratos} client from {@link KratosProperties} ({@code kratos.*}).
 * Define your own {@code Kratos} bean to replace it; declare {@link KratosConfigCustomizer} beans
 * to adjust the configuration, and {@link ExchangeListener} beans to be told about every exchange
 * (with Micrometer present, one listener records the {@code kratos.client.requests} timer).
 */
@AutoConfiguration
@ConditionalOnClass(Kratos.class)
@EnableConfigurationProperties(KratosProperties.class)
public class KratosAutoConfiguration {

    private static final Log LOG = LogFactory.getLog(KratosAutoConfiguration.class);

    /** Creates the auto-configuration (Spring does). */
    public KratosAutoConfiguration() {
    }

    /**
     * {@return the client, closed with the context}
     *
     * @throws IllegalStateException when {@code kratos.public-url} is not set
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public Kratos kratos(KratosProperties properties, ObjectProvider<KratosConfigCustomizer> customizers,
                         ObjectProvider<ExchangeListener> listeners) {
        KratosConfig.Builder builder = KratosConfig.builder()
                .publicUrl(properties.publicUrlIfSet().orElseThrow(() -> new IllegalStateException(
                        "kratos.public-url is not set: point it at the Kratos public API (e.g. https://auth.example.com)"
                                + " or define a Kratos bean of your own")))
                .connectTimeout(properties.connectTimeout())
                .readTimeout(properties.readTimeout())
                .userAgent(properties.userAgent())
                .maxConnections(properties.maxConnections());
        properties.adminUrlIfSet().ifPresent(builder::adminUrl);
        List<ExchangeListener> all = listeners.orderedStream().toList();
        if (!all.isEmpty()) {
            builder.exchangeListener(all.size() == 1 ? all.get(0) : new Composite(all));
        }
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return Kratos.connect(builder.build());
    }

    /** Records every exchange in Micrometer, when the application has a {@link MeterRegistry}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class Metrics {

        @Bean
        @ConditionalOnMissingBean
        KratosMetricsListener kratosMetricsListener(ObjectProvider<MeterRegistry> registry) {
            return new KratosMetricsListener(registry::getIfUnique);
        }
    }

    /** Tells every listener, each on its own: one that throws does not keep the others from hearing. */
    private record Composite(List<ExchangeListener> listeners) implements ExchangeListener {
        @Override
        public void onExchange(HttpExchange exchange) {
            for (ExchangeListener listener : listeners) {
                try {
                    listener.onExchange(exchange);
                } catch (RuntimeException e) {
                    LOG.debug("an ExchangeListener failed; the others are still told", e);
                }
            }
        }
    }
}
