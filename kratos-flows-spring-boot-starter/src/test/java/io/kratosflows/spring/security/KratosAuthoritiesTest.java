package io.kratosflows.spring.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.kratosflows.Aal;
import io.kratosflows.spring.FakeKratos;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

class KratosAuthoritiesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void anAal2SessionHasBothLevelsAndItsMethods() {
        assertThat(KratosAuthorities.of(FakeKratos.session(Aal.AAL2, NOW, NOW.plusSeconds(60))))
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("AAL_aal1", "AAL_aal2", "AMR_password", "AMR_totp");
    }

    @Test
    void anAal1SessionHasOneLevel() {
        assertThat(KratosAuthorities.of(FakeKratos.session(Aal.AAL1, NOW, NOW.plusSeconds(60))))
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly(KratosAuthorities.AAL1, KratosAuthorities.method("password"));
    }

    @Test
    void readsLevelsBackFromAuthorities() {
        assertThat(KratosAuthorities.aalOf("AAL_aal2")).contains(Aal.AAL2);
        assertThat(KratosAuthorities.aalOf("AAL_aal9")).isEmpty();
        assertThat(KratosAuthorities.aalOf("ROLE_aal2")).isEmpty();
        assertThat(KratosAuthorities.reaches(Aal.UNKNOWN, Aal.AAL1)).isFalse();
    }
}
