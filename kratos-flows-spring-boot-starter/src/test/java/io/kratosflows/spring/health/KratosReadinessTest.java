package io.kratosflows.spring.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.kratosflows.spring.StubKratos;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KratosReadinessTest {

    @Test
    void readyWhenKratosAnswers200() {
        try (StubKratos kratos = new StubKratos()) {
            KratosReadiness.Readiness answer = new KratosReadiness(kratos.url(), Duration.ofSeconds(3)).check();

            assertThat(answer.ready()).isTrue();
            assertThat(answer.status()).hasValue(200);
            assertThat(answer.url()).isEqualTo(URI.create(kratos.url() + "/health/ready"));
        }
    }

    @Test
    void notReadyWhenKratosAnswers503() {
        try (StubKratos kratos = new StubKratos()) {
            kratos.ready(503);

            KratosReadiness.Readiness answer = new KratosReadiness(URI.create(kratos.url() + "/"), Duration.ofSeconds(3)).check();

            assertThat(answer.ready()).isFalse();
            assertThat(answer.status()).hasValue(503);
            assertThat(answer.url().getPath()).isEqualTo("/health/ready");
        }
    }

    @Test
    void notReadyWhenNobodyListens() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        KratosReadiness.Readiness answer = new KratosReadiness(URI.create("http://127.0.0.1:" + port),
                Duration.ofSeconds(2)).check();

        assertThat(answer.ready()).isFalse();
        assertThat(answer.status()).isEmpty();
        assertThat(answer.error()).isPresent();
    }
}
