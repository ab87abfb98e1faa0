package io.kratosflows.spring;

import io.kratosflows.KratosConfig;

/**
 * Adjusts the {@link KratosConfig} the starter builds from {@link KratosProperties}, before the
 * {@code Kratos} bean is connected: for settings that are not properties (a TLS
 * {@code SSLContext}, a whole HTTP client). Declare one or more as beans.
 *
 * <pre>{@code
 * @Bean
 * KratosConfigCustomizer privateCa(SSLContext tls) {
 *     return builder -> builder.sslContext(tls);
 * }
 * }</pre>
 */
@FunctionalInterface
public interface KratosConfigCustomizer {

    /** Changes the builder; it already holds the properties' values. */
    void customize(KratosConfig.Builder builder);
}
