package io.kratosflows.spring.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathTemplatesTest {

    @Test
    void dropsTheQuery() {
        assertThat(PathTemplates.of("/self-service/login?flow=3f1b2c4d-1111-2222-3333-444455556666")).isEqualTo("/self-service/login");
        assertThat(PathTemplates.of("/sessions/token-exchange?init_code=***&return_to_code=***")).isEqualTo("/sessions/token-exchange");
        assertThat(PathTemplates.of("/sessions/whoami")).isEqualTo("/sessions/whoami");
    }

    @Test
    void replacesIdsInThePath() {
        assertThat(PathTemplates.of("/sessions/3F1B2C4D-1111-2222-3333-444455556666/extend")).isEqualTo("/sessions/{id}/extend");
    }

    @Test
    void keepsTheRootAndEmptyPaths() {
        assertThat(PathTemplates.of("")).isEqualTo("/");
        assertThat(PathTemplates.of("?x=1")).isEqualTo("/");
        assertThat(PathTemplates.of("/")).isEqualTo("/");
    }
}
