package io.kratosflows.spring.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import io.kratosflows.Aal;
import io.kratosflows.SessionToken;
import io.kratosflows.spring.FakeKratos;
import io.kratosflows.spring.KratosProperties;
import io.kratosflows.spring.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

class KratosAuthorizationTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final FakeKratos kratos = new FakeKratos();
    private final KratosSessionAuthenticator authenticator = new KratosSessionAuthenticator(kratos.sessions(),
            new KratosProperties.Cache(true, Duration.ofSeconds(30), 100), clock, Ticker.systemTicker());

    @AfterEach
    void clearContext() {
        SecurityContextHolder.clearContext();
    }

    private KratosAuthentication signedIn(String token, Aal aal, Instant authenticatedAt) {
        kratos.answer(token, FakeKratos.active(FakeKratos.session(aal, authenticatedAt, NOW.plus(Duration.ofDays(1)))));
        return authenticator.authenticate(SessionToken.of(token));
    }

    private static AuthorizationResult decide(AuthorizationManager<Object> rule, Authentication authentication) {
        return rule.authorize(() -> authentication, new Object());
    }

    @Test
    void aalRuleGrantsTheLevelAndAbove() {
        assertThat(decide(KratosAuthorization.aal(Aal.AAL2), signedIn("a", Aal.AAL2, NOW)).isGranted()).isTrue();
        assertThat(decide(KratosAuthorization.aal(Aal.AAL1), signedIn("b", Aal.AAL2, NOW)).isGranted()).isTrue();
    }

    @Test
    void aalRuleRefusesALowerLevelWithStepUp() {
        AuthorizationResult result = decide(KratosAuthorization.aal(Aal.AAL2), signedIn("a", Aal.AAL1, NOW));

        assertThat(result.isGranted()).isFalse();
        assertThat(((KratosAuthorizationDecision) result).problem()).isEqualTo(KratosProblem.stepUp(Aal.AAL2));
    }

    @Test
    void recencyRuleGrantsARecentAuthenticationAndRefusesAnOldOne() {
        AuthorizationManager<Object> rule = KratosAuthorization.authenticatedWithin(Duration.ofMinutes(5), clock);

        assertThat(decide(rule, signedIn("recent", Aal.AAL1, NOW.minus(Duration.ofMinutes(5)))).isGranted()).isTrue();
        AuthorizationResult old = decide(rule, signedIn("old", Aal.AAL1, NOW.minus(Duration.ofMinutes(6))));
        assertThat(old.isGranted()).isFalse();
        KratosProblem problem = ((KratosAuthorizationDecision) old).problem();
        assertThat(problem.action()).isEqualTo(KratosProblem.Action.REAUTHENTICATE);
        assertThat(problem.error()).isEqualTo("session_refresh_required");
        assertThat(problem.maxAge()).contains(Duration.ofMinutes(5));
    }

    @Test
    void refusesRequestsWithoutAKratosSessionPlainly() {
        var anonymous = new AnonymousAuthenticationToken("key", "anonymous", List.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS")));

        AuthorizationResult result = decide(KratosAuthorization.aal(Aal.AAL1), anonymous);

        assertThat(result.isGranted()).isFalse();
        assertThat(result).isNotInstanceOf(KratosAuthorizationDecision.class); // Spring sends anonymous users to the entry point
        assertThat(decide(KratosAuthorization.aal(Aal.AAL1), null).isGranted()).isFalse();
    }

    @Test
    void asksKratosAgainBeforeRefusingACachedSession() {
        signedIn("t", Aal.AAL1, NOW);
        KratosAuthentication cached = authenticator.authenticate(SessionToken.of("t"));
        assertThat(cached.fromCache()).isTrue();
        SecurityContextHolder.getContext().setAuthentication(cached);
        kratos.answer("t", FakeKratos.active(FakeKratos.session(Aal.AAL2, NOW, NOW.plus(Duration.ofDays(1)))));

        AuthorizationResult result = decide(KratosAuthorization.aal(Aal.AAL2), cached);

        assertThat(result.isGranted()).isTrue();
        var now = (KratosAuthentication) SecurityContextHolder.getContext().getAuthentication();
        assertThat(now.getPrincipal().aal()).as("the endpoint sees the stepped-up session").isEqualTo(Aal.AAL2);
        assertThat(kratos.whoamiCalls()).isEqualTo(2);
    }

    @Test
    void aCachedSessionRevokedMeanwhileIsToldToSignIn() {
        signedIn("t", Aal.AAL1, NOW);
        KratosAuthentication cached = authenticator.authenticate(SessionToken.of("t"));
        kratos.answer("t", FakeKratos.NOT_SIGNED_IN);

        AuthorizationResult result = decide(KratosAuthorization.aal(Aal.AAL2), cached);

        assertThat(((KratosAuthorizationDecision) result).problem()).isEqualTo(KratosProblem.sessionInactive());
    }

    @Test
    void aFreshSessionIsNotAskedAgain() {
        KratosAuthentication fresh = signedIn("t", Aal.AAL1, NOW);

        decide(KratosAuthorization.aal(Aal.AAL2), fresh);

        assertThat(kratos.whoamiCalls()).isEqualTo(1);
    }

    @Test
    void rejectsMeaninglessRules() {
        assertThatThrownBy(() -> KratosAuthorization.aal(Aal.UNKNOWN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KratosAuthorization.authenticatedWithin(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
