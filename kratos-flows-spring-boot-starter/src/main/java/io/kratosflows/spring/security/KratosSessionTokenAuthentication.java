package io.kratosflows.spring.security;

import io.kratosflows.SessionToken;
import java.util.List;
import java.util.Objects;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A session token not yet checked: what an {@code AuthenticationManager} is handed to
 * authenticate through {@link KratosAuthenticationProvider}. Prints as {@code SessionToken[***]}.
 */
public final class KratosSessionTokenAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final transient SessionToken token;

    /** Wraps a token sent by a client. */
    public KratosSessionTokenAuthentication(SessionToken token) {
        super(List.of());
        this.token = Objects.requireNonNull(token, "token == null");
        super.setAuthenticated(false);
    }

    /** {@return the token} */
    public SessionToken token() {
        return token;
    }

    /** {@return the token (it prints redacted)} */
    @Override
    public Object getCredentials() {
        return token;
    }

    /** {@return the token too: there is no principal before Kratos has answered} */
    @Override
    public Object getPrincipal() {
        return token;
    }

    @Override
    public void setAuthenticated(boolean authenticated) {
        if (authenticated) {
            throw new IllegalArgumentException("a session token is authenticated by KratosAuthenticationProvider");
        }
        super.setAuthenticated(false);
    }

    @Override
    public String toString() {
        return "KratosSessionTokenAuthentication[" + token + "]";
    }
}
