package io.kratosflows.spring.security;

import io.kratosflows.SessionToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates requests that carry a session token ({@link SessionTokens}) through a
 * {@link KratosSessionAuthenticator}. A request without a token passes on unauthenticated; a
 * token that does not authenticate is answered at once by the entry point (401 {@code sign_in},
 * 403 {@code step_up}, 503 {@code retry}), as Spring's bearer-token filter does. Added to a chain
 * by {@link KratosSecurityConfigurer}.
 */
public final class KratosSessionAuthenticationFilter extends OncePerRequestFilter {

    private final KratosSessionAuthenticator authenticator;
    private final AuthenticationEntryPoint entryPoint;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository repository = new RequestAttributeSecurityContextRepository();

    /** Creates the filter. */
    public KratosSessionAuthenticationFilter(KratosSessionAuthenticator authenticator,
                                             AuthenticationEntryPoint entryPoint) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator == null");
        this.entryPoint = Objects.requireNonNull(entryPoint, "entryPoint == null");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<SessionToken> token = SessionTokens.resolve(request);
        if (token.isEmpty() || alreadyAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        KratosAuthentication authentication;
        try {
            authentication = authenticator.authenticate(token.get());
        } catch (KratosAuthenticationException e) {
            contexts.clearContext();
            entryPoint.commence(request, response, e);
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(authentication);
        contexts.setContext(context);
        repository.saveContext(context, request, response);
        chain.doFilter(request, response);
    }

    private boolean alreadyAuthenticated() {
        Authentication existing = contexts.getContext().getAuthentication();
        return existing != null && existing.isAuthenticated() && !(existing instanceof AnonymousAuthenticationToken);
    }
}
