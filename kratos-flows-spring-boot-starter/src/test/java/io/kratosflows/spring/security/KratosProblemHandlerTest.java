package io.kratosflows.spring.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kratosflows.Aal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authorization.AuthorityAuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.authority.AuthorityUtils;

class KratosProblemHandlerTest {

    private final KratosProblemHandler handler = new KratosProblemHandler();
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    private JsonNode body() throws Exception {
        assertThat(response.getContentType()).startsWith("application/json");
        return new ObjectMapper().readTree(response.getContentAsString());
    }

    @Test
    void noTokenIsSignIn() throws Exception {
        handler.commence(new MockHttpServletRequest(), response, new InsufficientAuthenticationException("anonymous"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer realm=\"kratos\"");
        assertThat(body().path("error").asText()).isEqualTo("session_required");
        assertThat(body().path("action").asText()).isEqualTo("sign_in");
        assertThat(body().has("required_aal")).isFalse();
    }

    @Test
    void aRefusedTokenAnswersWithItsProblem() throws Exception {
        handler.commence(new MockHttpServletRequest(), response,
                new KratosAuthenticationException(KratosProblem.stepUp(Aal.AAL2)));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getHeader("WWW-Authenticate")).isNull();
        assertThat(body().path("error").asText()).isEqualTo("session_aal2_required");
        assertThat(body().path("action").asText()).isEqualTo("step_up");
        assertThat(body().path("required_aal").asText()).isEqualTo("aal2");
    }

    @Test
    void aRecencyRefusalIsReauthenticateWithTheMaxAge() throws Exception {
        handler.handle(new MockHttpServletRequest(), response, new AuthorizationDeniedException("denied",
                new KratosAuthorizationDecision(KratosProblem.reauthenticate(Duration.ofMinutes(5)))));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(body().path("error").asText()).isEqualTo("session_refresh_required");
        assertThat(body().path("action").asText()).isEqualTo("reauthenticate");
        assertThat(body().path("max_age_seconds").asLong()).isEqualTo(300);
    }

    @Test
    void aMissingAalAuthorityIsStepUp() throws Exception {
        var decision = new AuthorityAuthorizationDecision(false, AuthorityUtils.createAuthorityList(KratosAuthorities.AAL2));

        handler.handle(new MockHttpServletRequest(), response, new AuthorizationDeniedException("denied", decision));

        assertThat(body().path("action").asText()).isEqualTo("step_up");
        assertThat(body().path("required_aal").asText()).isEqualTo("aal2");
    }

    @Test
    void anyOtherRefusalIsForbiddenWithNothingToDo() throws Exception {
        handler.handle(new MockHttpServletRequest(), response, new AccessDeniedException("nope"));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(body().path("error").asText()).isEqualTo("forbidden");
        assertThat(body().path("action").asText()).isEqualTo("none");
        var roles = new AuthorityAuthorizationDecision(false, AuthorityUtils.createAuthorityList("ROLE_ADMIN"));
        assertThat(handler.problemOf(new AuthorizationDeniedException("denied", roles))).isEqualTo(KratosProblem.forbidden());
    }

    @Test
    void unavailableIsRetry() throws Exception {
        handler.commence(new MockHttpServletRequest(), response, new KratosAuthenticationException(KratosProblem.unavailable()));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(body().path("action").asText()).isEqualTo("retry");
        assertThat(List.of(response.getHeader("Cache-Control"))).containsExactly("no-store");
    }
}
