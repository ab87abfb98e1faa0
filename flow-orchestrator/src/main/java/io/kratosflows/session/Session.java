package io.kratosflows.session;

import io.kratosflows.Aal;
import io.kratosflows.Identity;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Kratos session ({@code session}). The identity is optional: when the session does not yet
 * satisfy the assurance level the server requires (e.g. {@code highest_available} with a second
 * factor set up), Kratos leaves it out.
 *
 * @param id                    the session id
 * @param active                whether the session is active
 * @param aal                   the assurance level reached
 * @param authenticationMethods the factors used, in order
 * @param identity              the identity, when Kratos included it
 * @param issuedAt              when issued, when given
 * @param authenticatedAt       when last authenticated, when given
 * @param expiresAt             when it expires, when given
 * @param devices               the devices the session was created or refreshed from, as Kratos recorded them
 */
public record Session(String id, boolean active, Aal aal, List<AuthenticationMethod> authenticationMethods,
                      Optional<Identity> identity, Optional<Instant> issuedAt, Optional<Instant> authenticatedAt,
                      Optional<Instant> expiresAt, List<Device> devices) {

    /** Copies the lists. */
    public Session {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(aal, "aal == null");
        authenticationMethods = List.copyOf(authenticationMethods);
        Objects.requireNonNull(identity, "identity == null");
        Objects.requireNonNull(issuedAt, "issuedAt == null");
        Objects.requireNonNull(authenticatedAt, "authenticatedAt == null");
        Objects.requireNonNull(expiresAt, "expiresAt == null");
        devices = List.copyOf(devices);
    }

    /** A session without recorded devices (the shape before devices were read). */
    public Session(String id, boolean active, Aal aal, List<AuthenticationMethod> authenticationMethods,
                   Optional<Identity> identity, Optional<Instant> issuedAt, Optional<Instant> authenticatedAt,
                   Optional<Instant> expiresAt) {
        this(id, active, aal, authenticationMethods, identity, issuedAt, authenticatedAt, expiresAt, List.of());
    }

    /**
     * A device a session was used from ({@code sessionDevice}), as Kratos recorded it when the
     * session was created: the address it read from {@code True-Client-IP} and the headers after it
     * (see {@link io.kratosflows.EndUser}), the {@code User-Agent}, and the location a CDN sent.
     *
     * @param id        the device record's id
     * @param ipAddress the client address, possibly with a port (Kratos's own connection address), when recorded
     * @param userAgent the User-Agent, when recorded
     * @param location  the location, e.g. {@code Berlin, DE}, when a CDN sent one
     */
    public record Device(String id, Optional<String> ipAddress, Optional<String> userAgent, Optional<String> location) {
        /** Requires all components. */
        public Device {
            Objects.requireNonNull(id, "id == null");
            Objects.requireNonNull(ipAddress, "ipAddress == null");
            Objects.requireNonNull(userAgent, "userAgent == null");
            Objects.requireNonNull(location, "location == null");
        }
    }

    /**
     * One factor used in a session.
     *
     * @param method      the method, e.g. {@code password}, {@code code}, {@code totp}, {@code lookup_secret}
     * @param aal         the level this factor gave
     * @param completedAt when it was completed, when given
     * @param provider    the OIDC provider, for {@code oidc}
     */
    public record AuthenticationMethod(String method, Aal aal, Optional<Instant> completedAt, Optional<String> provider) {
        /** Requires all components. */
        public AuthenticationMethod {
            Objects.requireNonNull(method, "method == null");
            Objects.requireNonNull(aal, "aal == null");
            Objects.requireNonNull(completedAt, "completedAt == null");
            Objects.requireNonNull(provider, "provider == null");
        }
    }
}
