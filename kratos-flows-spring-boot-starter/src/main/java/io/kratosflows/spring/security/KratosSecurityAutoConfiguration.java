package io.kratosflows.spring.security;

import io.kratosflows.Kratos;
import io.kratosflows.spring.KratosAutoConfiguration;
import io.kratosflows.spring.KratosProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Security integration: {@link KratosSessionAuthenticator}, {@link KratosAuthenticationProvider}
 * and {@link KratosProblemHandler} beans, and, when the application defines no {@code SecurityFilterChain}, a default one in which
 * every request needs a Kratos session (stateless, no CSRF, {@link KratosSecurityConfigurer}).
 * Off with {@code kratos.security.enabled=false}.
 */
@AutoConfiguration(after = KratosAutoConfiguration.class, beforeName = {
        // Spring Boot 4
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        // Spring Boot 3.5
        "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration"})
@ConditionalOnClass({Kratos.class, HttpSecurity.class, SecurityFilterChain.class})
@ConditionalOnBean(Kratos.class)
@ConditionalOnProperty(prefix = "kratos.security", name = "enabled", matchIfMissing = true)
public class KratosSecurityAutoConfiguration {

    /** Creates the auto-configuration (Spring does). */
    public KratosSecurityAutoConfiguration() {
    }

    /** {@return the authenticator, caching as {@code kratos.session.cache.*} say} */
    @Bean
    @ConditionalOnMissingBean
    public KratosSessionAuthenticator kratosSessionAuthenticator(Kratos kratos, KratosProperties properties) {
        return new KratosSessionAuthenticator(kratos, properties.session().cache());
    }

    /** {@return the provider; its presence also keeps Boot from creating a user with a generated password} */
    @Bean
    @ConditionalOnMissingBean
    public KratosAuthenticationProvider kratosAuthenticationProvider(KratosSessionAuthenticator authenticator) {
        return new KratosAuthenticationProvider(authenticator);
    }

    /** {@return the 401/403/503 answers} */
    @Bean
    @ConditionalOnMissingBean
    public KratosProblemHandler kratosProblemHandler() {
        return new KratosProblemHandler();
    }

    /** The chain used when the application has none. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    static class DefaultChain {

        @Bean
        SecurityFilterChain kratosSecurityFilterChain(HttpSecurity http) throws Exception {
            return http
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .csrf(AbstractHttpConfigurer::disable)
                    .with(KratosSecurityConfigurer.kratos(), Customizer.withDefaults())
                    .build();
        }
    }
}
