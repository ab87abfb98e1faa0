package io.kratosflows.spring.security;

import io.kratosflows.Aal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Predicate;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Per-endpoint rules on the Kratos session, for {@code authorizeHttpRequests}:
 *
 * <pre>{@code
 * .requestMatchers("/transfers").access(KratosAuthorization.aal(Aal.AAL2))                      // 403 step_up
 * .requestMatchers("/account/delete").access(KratosAuthorization.authenticatedWithin(Duration.ofMinutes(5)))  // 403 reauthenticate
 * }</pre>
 *
 * <p>A rule that would refuse a session answered from the cache first asks Kratos again (see
 * {@link KratosAuthentication#revalidate()}): a client that has just stepped up or
 * re-authenticated is let in at once, not after the cache's TTL. A request without a Kratos
 * session is refused, and Spring Security answers it through the entry point ({@code sign_in}).
 */
public final class KratosAuthorization {

    private KratosAuthorization() {
    }

    /** {@return a rule that needs a session at {@code required} or higher; refusals say {@code step_up}} */
    public static <T> AuthorizationManager<T> aal(Aal required) {
        Objects.requireNonNull(required, "required == null");
        if (required == Aal.UNKNOWN) {
            throw new IllegalArgumentException("an endpoint cannot require an unknown assurance level");
        }
        KratosProblem problem = KratosProblem.stepUp(required);
        // A lambda, not a class: Spring Security 6 and 7 name the single method differently.
        return (authentication, object) -> decide(authentication.get(),
                p -> KratosAuthorities.reaches(p.aal(), required), problem);
    }

    /**
     * {@return a rule that needs the session's last authentication ({@code authenticated_at}) to be
     * at most {@code maxAge} old; refusals say {@code reauthenticate}} For privileged actions.
     */
    public static <T> AuthorizationManager<T> authenticatedWithin(Duration maxAge) {
        return authenticatedWithin(maxAge, Clock.systemUTC());
    }

    /** {@return {@link #authenticatedWithin(Duration)} measured with {@code clock}} */
    public static <T> AuthorizationManager<T> authenticatedWithin(Duration maxAge, Clock clock) {
        Objects.requireNonNull(maxAge, "maxAge == null");
        Objects.requireNonNull(clock, "clock == null");
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive, got " + maxAge);
        }
        KratosProblem problem = KratosProblem.reauthenticate(maxAge);
        return (authentication, object) -> decide(authentication.get(), p -> p.session().authenticatedAt()
                .map(at -> !at.plus(maxAge).isBefore(Instant.now(clock))).orElse(false), problem);
    }

    private static AuthorizationDecision decide(Authentication authentication, Predicate<KratosPrincipal> rule,
                                                KratosProblem problem) {
        if (!(authentication instanceof KratosAuthentication kratos)) {
            return new AuthorizationDecision(false);
        }
        if (rule.test(kratos.getPrincipal())) {
            return new AuthorizationDecision(true);
        }
        if (kratos.fromCache()) {
            KratosAuthentication fresh;
            try {
                fresh = kratos.revalidate();
            } catch (KratosAuthenticationException e) {
                return new KratosAuthorizationDecision(e.problem());
            }
            if (rule.test(fresh.getPrincipal())) {
                SecurityContext context = SecurityContextHolder.getContext();
                if (context.getAuthentication() == kratos) {
                    context.setAuthentication(fresh); // the endpoint sees the session that was let in
                }
                return new AuthorizationDecision(true);
            }
        }
        return new KratosAuthorizationDecision(problem);
    }
}
