package io.kratosflows.spring.security;

import io.kratosflows.SessionToken;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Reads the session token a native client sent: {@code X-Session-Token: <token>} (what Kratos
 * itself reads), else {@code Authorization: Bearer <token>}. Other {@code Authorization} schemes
 * are left to other mechanisms.
 */
public final class SessionTokens {

    /** The header Kratos reads session tokens from. */
    public static final String HEADER = "X-Session-Token";

    private static final String BEARER = "bearer ";

    private SessionTokens() {
    }

    /** {@return the token of a request, if it carries one} */
    public static Optional<SessionToken> resolve(HttpServletRequest request) {
        String header = request.getHeader(HEADER);
        if (header != null && !header.isBlank()) {
            return Optional.of(SessionToken.of(header.trim()));
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.length() > BEARER.length()
                && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String value = authorization.substring(BEARER.length()).trim();
            if (!value.isEmpty()) {
                return Optional.of(SessionToken.of(value));
            }
        }
        return Optional.empty();
    }

    /** {@return whether a request carries a session token} */
    public static boolean present(HttpServletRequest request) {
        return resolve(request).isPresent();
    }
}
