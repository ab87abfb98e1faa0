package io.kratosflows.spring.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kratosflows.Aal;
import io.kratosflows.Kratos;
import io.kratosflows.spring.FakeKratos;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** An application that defines no security of its own gets the starter's chain: every request needs a session. */
@SpringBootTest(classes = DefaultChainTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DefaultChainTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        Kratos kratos() {
            Instant now = Instant.now();
            return new FakeKratos().answer("ok", FakeKratos.active(FakeKratos.session(Aal.AAL1, now, now.plusSeconds(3600))));
        }

        @RestController
        static class Hello {
            @GetMapping("/hello")
            String hello() {
                return "hello";
            }
        }
    }

    @Autowired
    private Environment environment;
    @Autowired
    private ApplicationContext context;

    @Test
    void bootCreatesNoUserWithAGeneratedPassword() {
        assertThat(context.getBeanNamesForType(UserDetailsService.class)).isEmpty();
        assertThat(context.getBeanNamesForType(KratosAuthenticationProvider.class)).hasSize(1);
    }

    @Test
    void everyRequestNeedsASession() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        URI hello = URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + "/hello");

        HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(hello).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(hello).header("X-Session-Token", "ok")
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> post = client.send(HttpRequest.newBuilder(hello).header("X-Session-Token", "ok")
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(new ObjectMapper().readTree(anonymous.body()).path("action").asText()).isEqualTo("sign_in");
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.body()).isEqualTo("hello");
        assertThat(post.statusCode()).as("no CSRF check, no such endpoint").isEqualTo(405);
    }
}
