package io.kratosflows.spring.sample;

import io.kratosflows.Aal;
import io.kratosflows.spring.security.KratosAuthorization;
import io.kratosflows.spring.security.KratosPrincipal;
import io.kratosflows.spring.security.KratosSecurityConfigurer;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sample service of the starter's tests: a back end for a native app that signs in through
 * Kratos and calls it with the session token. {@code /me} needs a session, {@code /transfers} a
 * second factor (aal2), {@code /account/delete} a recent authentication, {@code /public} nothing.
 */
@SpringBootApplication
public class SampleApplication {

    /** The whole security set-up a service needs. */
    @Bean
    SecurityFilterChain api(HttpSecurity http, @Value("${sample.privileged-max-age:5m}") Duration privilegedMaxAge)
            throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/public", "/error", "/actuator/health/**").permitAll()
                        .requestMatchers("/transfers").access(KratosAuthorization.aal(Aal.AAL2))
                        .requestMatchers("/account/delete").access(KratosAuthorization.authenticatedWithin(privilegedMaxAge))
                        .anyRequest().authenticated())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .with(KratosSecurityConfigurer.kratos(), Customizer.withDefaults())
                .build();
    }

    /** The endpoints. */
    @RestController
    static class Endpoints {

        @GetMapping("/me")
        Map<String, Object> me(@AuthenticationPrincipal KratosPrincipal principal) {
            return Map.of("identity", principal.getName(),
                    "email", principal.identity().traits().text("email").orElse(""),
                    "aal", principal.aal().wireValue());
        }

        @GetMapping("/transfers")
        Map<String, Object> transfers(@AuthenticationPrincipal KratosPrincipal principal) {
            return Map.of("transfers", java.util.List.of(), "aal", principal.aal().wireValue());
        }

        @PostMapping("/account/delete")
        Map<String, Object> delete(@AuthenticationPrincipal KratosPrincipal principal) {
            return Map.of("scheduled", true, "identity", principal.getName());
        }

        @GetMapping("/public")
        Map<String, Object> open() {
            return Map.of("public", true);
        }
    }
}
