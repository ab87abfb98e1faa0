package io.kratosflows.spring.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kratosflows.Aal;
import io.kratosflows.SessionToken;
import io.kratosflows.spring.FakeKratos;
import io.kratosflows.spring.KratosProperties;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

class KratosAuthenticationProviderTest {

    private final FakeKratos kratos = new FakeKratos();
    private final ProviderManager manager = new ProviderManager(new KratosAuthenticationProvider(
            new KratosSessionAuthenticator(kratos, new KratosProperties.Cache(true, Duration.ofSeconds(30), 10))));

    @Test
    void authenticatesASessionTokenThroughAnAuthenticationManager() {
        Instant now = Instant.now();
        kratos.answer("ory_st_ok", FakeKratos.active(FakeKratos.session(Aal.AAL2, now, now.plusSeconds(60))));
        var request = new KratosSessionTokenAuthentication(SessionToken.of("ory_st_ok"));

        Authentication result = manager.authenticate(request);

        assertThat(result).isInstanceOf(KratosAuthentication.class);
        assertThat(result.isAuthenticated()).isTrue();
        assertThat(request.toString()).doesNotContain("ory_st_ok");
        assertThat(request.isAuthenticated()).isFalse();
    }

    @Test
    void refusesAnUnknownTokenAndIgnoresOtherAuthentications() {
        assertThatThrownBy(() -> manager.authenticate(new KratosSessionTokenAuthentication(SessionToken.of("ory_st_no"))))
                .isInstanceOf(KratosAuthenticationException.class);
        assertThat(new KratosAuthenticationProvider(new KratosSessionAuthenticator(kratos,
                new KratosProperties.Cache(false, Duration.ZERO, 0))).supports(UsernamePasswordAuthenticationToken.class))
                .isFalse();
    }
}
