package io.kratosflows.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.kratosflows.Aal;
import io.kratosflows.Kratos;
import io.kratosflows.error.KratosTransportException;
import io.kratosflows.spring.FakeKratos;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The sample service over real HTTP with a fake Kratos bean in place of the auto-configured one:
 * every 401/403/503 answer and the principal, without a Kratos server.
 */
@SpringBootTest(classes = {SampleApplication.class, SampleServiceTest.Fake.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleServiceTest {

    private static final FakeKratos KRATOS = new FakeKratos();

    @TestConfiguration(proxyBeanMethods = false)
    static class Fake {
        @Bean
        Kratos kratos() {
            return KRATOS; // replaces the auto-configured client: no kratos.public-url needed
        }
    }

    @Autowired
    private Environment environment;
    private Http http;

    @BeforeEach
    void client() {
        http = new Http(environment.getProperty("local.server.port"));
        Instant now = Instant.now();
        KRATOS.answer("aal1", FakeKratos.active(FakeKratos.session(Aal.AAL1, now, now.plus(Duration.ofHours(1)))))
                .answer("aal2", FakeKratos.active(FakeKratos.session(Aal.AAL2, now, now.plus(Duration.ofHours(1)))))
                .answer("old", FakeKratos.active(FakeKratos.session(Aal.AAL1, now.minus(Duration.ofHours(2)),
                        now.plus(Duration.ofHours(1)))))
                .answer("strict", FakeKratos.secondFactorRequired())
                .answer("down", t -> {
                    throw new KratosTransportException("GET /sessions/whoami: connection refused", false, null);
                });
    }

    @Test
    void withoutATokenTheClientIsToldToSignIn() {
        Http.Answer answer = http.get("/me", null);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.error()).isEqualTo("session_required");
        assertThat(answer.action()).isEqualTo("sign_in");
        assertThat(answer.wwwAuthenticate()).contains("Bearer realm=\"kratos\"");
    }

    @Test
    void anUnknownTokenIsToldToSignIn() {
        Http.Answer answer = http.get("/me", "ory_st_unknown");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.error()).isEqualTo("session_inactive");
        assertThat(answer.action()).isEqualTo("sign_in");
    }

    @Test
    void aSessionReachesTheEndpointWithItsPrincipal() {
        Http.Answer header = http.get("/me", "aal1");
        Http.Answer bearer = http.getWithBearer("/me", "aal1");

        assertThat(header.status()).isEqualTo(200);
        assertThat(header.body().path("email").asText()).isEqualTo("ada@example.org");
        assertThat(header.body().path("aal").asText()).isEqualTo("aal1");
        assertThat(bearer.status()).isEqualTo(200);
        assertThat(bearer.body().path("identity")).isEqualTo(header.body().path("identity"));
    }

    @Test
    void theAal2EndpointTellsAnAal1SessionToStepUp() {
        Http.Answer refused = http.get("/transfers", "aal1");
        Http.Answer allowed = http.get("/transfers", "aal2");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.error()).isEqualTo("session_aal2_required");
        assertThat(refused.action()).isEqualTo("step_up");
        assertThat(refused.body().path("required_aal").asText()).isEqualTo("aal2");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.body().path("aal").asText()).isEqualTo("aal2");
    }

    @Test
    void aPrivilegedActionTellsAnOldAuthenticationToReauthenticate() {
        Http.Answer refused = http.post("/account/delete", "old");
        Http.Answer allowed = http.post("/account/delete", "aal1"); // a POST with a token needs no CSRF token

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.error()).isEqualTo("session_refresh_required");
        assertThat(refused.action()).isEqualTo("reauthenticate");
        assertThat(refused.body().path("max_age_seconds").asLong()).isEqualTo(300);
        assertThat(allowed.status()).isEqualTo(200);
    }

    @Test
    void strictAalInKratosIsStepUpOnEveryEndpoint() {
        Http.Answer answer = http.get("/me", "strict");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.action()).isEqualTo("step_up");
    }

    @Test
    void kratosUnreachableIsRetry() {
        Http.Answer answer = http.get("/me", "down");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.action()).isEqualTo("retry");
    }

    @Test
    void publicEndpointsNeedNoToken() {
        assertThat(http.get("/public", null).status()).isEqualTo(200);
    }
}
