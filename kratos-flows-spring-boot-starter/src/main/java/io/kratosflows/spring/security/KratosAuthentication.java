package io.kratosflows.spring.security;

import java.util.Collection;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * A request authenticated by a Kratos session token: the principal is a {@link KratosPrincipal},
 * the authorities come from {@link KratosAuthorities}. The token itself is not kept
 * ({@link #getCredentials()} is empty) and never printed.
 */
public final class KratosAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final transient KratosPrincipal principal;
    private final boolean fromCache;
    /** Asks Kratos again for the same token; holds the token without showing it. */
    private final transient Supplier<KratosAuthentication> revalidation;

    KratosAuthentication(KratosPrincipal principal, Collection<? extends GrantedAuthority> authorities,
                         boolean fromCache, Supplier<KratosAuthentication> revalidation) {
        super(authorities);
        this.principal = Objects.requireNonNull(principal, "principal == null");
        this.fromCache = fromCache;
        this.revalidation = Objects.requireNonNull(revalidation, "revalidation == null");
        super.setAuthenticated(true);
    }

    /** {@return the Kratos session and identity} */
    @Override
    public KratosPrincipal getPrincipal() {
        return principal;
    }

    /** {@return an empty string: the session token is not kept} */
    @Override
    public Object getCredentials() {
        return "";
    }

    /** {@return whether this answer came from the cache rather than a whoami made for this request} */
    public boolean fromCache() {
        return fromCache;
    }

    /**
     * {@return the session as Kratos sees it now} Bypasses and refreshes the cache: for decisions
     * that a stale answer would get wrong (a step-up or re-authentication made since).
     *
     * @throws KratosAuthenticationException when Kratos no longer accepts the token
     */
    public KratosAuthentication revalidate() {
        return revalidation.get();
    }

    /** Refuses to mark the token authenticated from outside; it is created authenticated. */
    @Override
    public void setAuthenticated(boolean authenticated) {
        if (authenticated) {
            throw new IllegalArgumentException("a KratosAuthentication is created authenticated");
        }
        super.setAuthenticated(false);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KratosAuthentication o && super.equals(o) && fromCache == o.fromCache;
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    /** Shows the principal (ids), the authorities and where the answer came from; never the token. */
    @Override
    public String toString() {
        return "KratosAuthentication[" + principal + ", authorities=" + getAuthorities() + ", fromCache=" + fromCache
                + "]";
    }
}
