package io.kratosflows.spring.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.kratosflows.SessionToken;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class SessionTokensTest {

    private static MockHttpServletRequest request(String name, String value) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader(name, value);
        return request;
    }

    @Test
    void readsXSessionTokenFirst() {
        MockHttpServletRequest request = request("X-Session-Token", " ory_st_a ");
        request.addHeader("Authorization", "Bearer ory_st_b");

        assertThat(SessionTokens.resolve(request)).contains(SessionToken.of("ory_st_a"));
    }

    @Test
    void readsABearerTokenInAnyCase() {
        assertThat(SessionTokens.resolve(request("Authorization", "Bearer ory_st_b"))).contains(SessionToken.of("ory_st_b"));
        assertThat(SessionTokens.resolve(request("Authorization", "bearer ory_st_b"))).contains(SessionToken.of("ory_st_b"));
    }

    @Test
    void ignoresOtherSchemesAndBlanks() {
        assertThat(SessionTokens.resolve(request("Authorization", "Basic dXNlcjpwdw=="))).isEmpty();
        assertThat(SessionTokens.resolve(request("Authorization", "Bearer   "))).isEmpty();
        assertThat(SessionTokens.resolve(request("X-Session-Token", "  "))).isEmpty();
        assertThat(SessionTokens.present(new MockHttpServletRequest())).isFalse();
    }
}
