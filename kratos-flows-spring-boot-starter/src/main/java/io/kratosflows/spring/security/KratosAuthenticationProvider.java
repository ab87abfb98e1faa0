package io.kratosflows.spring.security;

import java.util.Objects;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;

/**
 * Authenticates a {@link KratosSessionTokenAuthentication} through a
 * {@link KratosSessionAuthenticator}, for code that goes through an {@code AuthenticationManager}.
 * Its bean also tells Spring Boot that the application authenticates with Kratos, so Boot does not
 * set up an in-memory user with a generated password.
 */
public final class KratosAuthenticationProvider implements AuthenticationProvider {

    private final KratosSessionAuthenticator authenticator;

    /** A provider backed by an authenticator. */
    public KratosAuthenticationProvider(KratosSessionAuthenticator authenticator) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator == null");
    }

    /**
     * {@return the {@link KratosAuthentication} for the token}
     *
     * @throws KratosAuthenticationException when the token does not authenticate
     */
    @Override
    public Authentication authenticate(Authentication authentication) {
        return authenticator.authenticate(((KratosSessionTokenAuthentication) authentication).token());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return KratosSessionTokenAuthentication.class.isAssignableFrom(authentication);
    }
}
