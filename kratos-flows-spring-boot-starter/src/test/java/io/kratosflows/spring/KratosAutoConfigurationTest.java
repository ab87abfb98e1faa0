package io.kratosflows.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.kratosflows.ExchangeListener;
import io.kratosflows.HttpExchange;
import io.kratosflows.Kratos;
import io.kratosflows.SessionToken;
import io.kratosflows.session.WhoamiOutcome;
import io.kratosflows.spring.health.KratosHealthAutoConfiguration;
import io.kratosflows.spring.health.KratosReadiness;
import io.kratosflows.spring.metrics.KratosMetricsListener;
import io.kratosflows.spring.security.KratosProblemHandler;
import io.kratosflows.spring.security.KratosSecurityAutoConfiguration;
import io.kratosflows.spring.security.KratosSessionAuthenticator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class KratosAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KratosAutoConfiguration.class, KratosSecurityAutoConfiguration.class,
                    KratosHealthAutoConfiguration.class));

    @Test
    void connectsAKratosFromTheProperties() {
        runner.withPropertyValues("kratos.public-url=http://127.0.0.1:4433/", "kratos.admin-url=http://127.0.0.1:4434",
                "kratos.read-timeout=5s", "kratos.max-connections=7").run(context -> {
                    assertThat(context).hasNotFailed();
                    var config = context.getBean(Kratos.class).config();
                    assertThat(config.publicUrl()).isEqualTo(URI.create("http://127.0.0.1:4433"));
                    assertThat(config.adminUrl()).contains(URI.create("http://127.0.0.1:4434"));
                    assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
                    assertThat(config.maxConnections()).isEqualTo(7);
                    assertThat(config.userAgent()).isEqualTo("kratos-flows-spring-boot");
                    assertThat(context).hasSingleBean(KratosSessionAuthenticator.class).hasSingleBean(KratosProblemHandler.class);
                    assertThat(context.getBean(KratosSessionAuthenticator.class).toString()).contains("ttl PT30S");
                    assertThat(context.getBean(KratosReadiness.class).url())
                            .isEqualTo(URI.create("http://127.0.0.1:4433/health/ready"));
                });
    }

    @Test
    void failsClearlyWithoutAPublicUrl() {
        runner.run(context -> assertThat(context).getFailure().rootCause()
                .hasMessageContaining("kratos.public-url is not set"));
    }

    @Test
    void aKratosBeanOfYourOwnWins() {
        FakeKratos mine = new FakeKratos();
        runner.withBean(Kratos.class, () -> mine).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(Kratos.class)).isSameAs(mine);
            assertThat(context).hasSingleBean(KratosSessionAuthenticator.class);
        });
    }

    @Test
    void customizersAdjustTheConfiguration() {
        runner.withPropertyValues("kratos.public-url=http://127.0.0.1:4433")
                .withBean(KratosConfigCustomizer.class, () -> b -> b.userAgent("my-service"))
                .run(context -> assertThat(context.getBean(Kratos.class).config().userAgent()).isEqualTo("my-service"));
    }

    @Test
    void securityCanBeTurnedOff() {
        runner.withPropertyValues("kratos.public-url=http://127.0.0.1:4433", "kratos.security.enabled=false")
                .run(context -> {
                    assertThat(context).hasSingleBean(Kratos.class);
                    assertThat(context).doesNotHaveBean(KratosSessionAuthenticator.class);
                });
    }

    @Test
    void aZeroTtlTurnsTheCacheOff() {
        runner.withPropertyValues("kratos.public-url=http://127.0.0.1:4433", "kratos.session.cache.ttl=0")
                .run(context -> assertThat(context.getBean(KratosSessionAuthenticator.class).toString()).contains("cache=off"));
    }

    @Test
    void aNegativeTtlIsRefused() {
        runner.withPropertyValues("kratos.public-url=http://127.0.0.1:4433", "kratos.session.cache.ttl=-1s")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("must not be negative"));
    }

    @Test
    void everyExchangeReachesTheListenersAndTheTimer() {
        List<HttpExchange> heard = new CopyOnWriteArrayList<>();
        try (StubKratos stub = new StubKratos()) {
            runner.withPropertyValues("kratos.public-url=" + stub.url())
                    .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                    .withBean(ExchangeListener.class, () -> heard::add)
                    .run(context -> {
                        assertThat(context).hasSingleBean(KratosMetricsListener.class);
                        WhoamiOutcome outcome = context.getBean(Kratos.class).sessions().whoami(SessionToken.of("ory_st_x"));

                        assertThat(outcome).isInstanceOf(WhoamiOutcome.NotSignedIn.class);
                        assertThat(heard).singleElement().satisfies(e -> assertThat(e.path()).isEqualTo("/sessions/whoami"));
                        assertThat(context.getBean(MeterRegistry.class).get(KratosMetricsListener.METRIC)
                                .tags("method", "GET", "uri", "/sessions/whoami", "status", "401").timer().count())
                                .isEqualTo(1);
                    });
        }
    }
}
