package io.kratosflows.spring.health.boot4;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kratosflows.spring.sample.SampleApplication;
import io.kratosflows.spring.test.KratosTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

/** {@code /actuator/health/kratos} of the sample service is UP against a real, ready Kratos (Boot 4 shows components on request). */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.endpoint.health.show-components=always")
@KratosTest
class KratosHealthIT {

    @Autowired
    private Environment environment;

    @Test
    void kratosIsUp() throws Exception {
        URI health = URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + "/actuator/health/kratos");

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(response.body()).path("status").asText()).isEqualTo("UP");
    }
}
