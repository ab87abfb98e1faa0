package io.kratosflows.spring.security;

import io.kratosflows.Aal;
import io.kratosflows.Identity;
import io.kratosflows.session.Session;
import java.util.Objects;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * Who a request is from: the Kratos session its token belongs to, and that session's identity.
 * Inject it with {@code @AuthenticationPrincipal KratosPrincipal principal}.
 *
 * @param session  the session as whoami answered it
 * @param identity the session's identity
 */
public record KratosPrincipal(Session session, Identity identity) implements AuthenticatedPrincipal {

    /** Requires both components. */
    public KratosPrincipal {
        Objects.requireNonNull(session, "session == null");
        Objects.requireNonNull(identity, "identity == null");
    }

    /** {@return the identity id, Spring Security's principal name} */
    @Override
    public String getName() {
        return identity.id().value();
    }

    /** {@return the session's assurance level} */
    public Aal aal() {
        return session.aal();
    }

    /** Shows ids and the level only: traits may hold personal data. */
    @Override
    public String toString() {
        return "KratosPrincipal[identity=" + identity.id() + ", session=" + session.id() + ", aal="
                + session.aal().wireValue() + "]";
    }
}
