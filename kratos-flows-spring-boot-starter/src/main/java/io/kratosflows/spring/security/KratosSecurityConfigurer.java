package io.kratosflows.spring.security;

import java.util.Objects;
import org.springframework.context.ApplicationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * Adds Kratos session-token authentication to a {@code SecurityFilterChain} of your own:
 *
 * <pre>{@code
 * @Bean
 * SecurityFilterChain api(HttpSecurity http) throws Exception {
 *     return http
 *             .authorizeHttpRequests(a -> a
 *                     .requestMatchers("/transfers").access(KratosAuthorization.aal(Aal.AAL2))
 *                     .anyRequest().authenticated())
 *             .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
 *             .with(KratosSecurityConfigurer.kratos(), Customizer.withDefaults())
 *             .build();
 * }
 * }</pre>
 *
 * <p>It adds {@link KratosSessionAuthenticationFilter} before the anonymous filter, makes
 * {@link KratosProblemHandler} the default entry point and access-denied handler (an explicit
 * {@code exceptionHandling} of yours still wins), and exempts requests that carry a session token
 * from CSRF protection (a token in a header is not sent by a browser on its own). The
 * authenticator and handler are the application context's beans unless set here.
 */
public final class KratosSecurityConfigurer extends AbstractHttpConfigurer<KratosSecurityConfigurer, HttpSecurity> {

    private KratosSessionAuthenticator authenticator;
    private KratosProblemHandler problems;

    private KratosSecurityConfigurer() {
    }

    /** {@return a configurer for {@code http.with(...)}} */
    public static KratosSecurityConfigurer kratos() {
        return new KratosSecurityConfigurer();
    }

    /** Uses this authenticator instead of the context's bean. */
    public KratosSecurityConfigurer authenticator(KratosSessionAuthenticator authenticator) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator == null");
        return this;
    }

    /** Uses this handler instead of the context's bean. */
    public KratosSecurityConfigurer problemHandler(KratosProblemHandler handler) {
        this.problems = Objects.requireNonNull(handler, "handler == null");
        return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void init(HttpSecurity http) {
        KratosProblemHandler handler = problems(http);
        ExceptionHandlingConfigurer<HttpSecurity> exceptions = http.getConfigurer(ExceptionHandlingConfigurer.class);
        if (exceptions != null) {
            exceptions.defaultAuthenticationEntryPointFor(handler, AnyRequestMatcher.INSTANCE);
            exceptions.defaultAccessDeniedHandlerFor(handler, AnyRequestMatcher.INSTANCE);
        }
        CsrfConfigurer<HttpSecurity> csrf = http.getConfigurer(CsrfConfigurer.class);
        if (csrf != null) {
            csrf.ignoringRequestMatchers(SessionTokens::present);
        }
    }

    @Override
    public void configure(HttpSecurity http) {
        KratosSessionAuthenticationFilter filter = new KratosSessionAuthenticationFilter(authenticator(http),
                problems(http));
        http.addFilterBefore(postProcess(filter), AnonymousAuthenticationFilter.class);
    }

    private KratosSessionAuthenticator authenticator(HttpSecurity http) {
        if (authenticator == null) {
            authenticator = context(http).getBean(KratosSessionAuthenticator.class);
        }
        return authenticator;
    }

    private KratosProblemHandler problems(HttpSecurity http) {
        if (problems == null) {
            problems = context(http).getBeanProvider(KratosProblemHandler.class).getIfAvailable(KratosProblemHandler::new);
        }
        return problems;
    }

    private static ApplicationContext context(HttpSecurity http) {
        ApplicationContext context = http.getSharedObject(ApplicationContext.class);
        if (context == null) {
            throw new IllegalStateException("no ApplicationContext in HttpSecurity: set the authenticator and"
                    + " problem handler on KratosSecurityConfigurer explicitly");
        }
        return context;
    }
}
