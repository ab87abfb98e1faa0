package io.kratosflows.spring;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code kratos.*} properties: where Kratos is, how the client talks to it, and how session
 * checks are cached.
 *
 * <pre>
 * kratos.public-url=https://auth.example.com     # required (unless you define your own Kratos bean)
 * kratos.session.cache.ttl=30s                   # how long a checked session is trusted; 0 turns the cache off
 * </pre>
 *
 * @param publicUrl      the Kratos public API URL; {@code null} when unset
 * @param adminUrl       the Kratos admin API URL, optional; {@code null} when unset
 * @param connectTimeout connect timeout of the client (default 10 s)
 * @param readTimeout    read timeout of the client (default 30 s)
 * @param userAgent      the {@code User-Agent} sent to Kratos
 * @param maxConnections size of the client's connection pool (default 20)
 * @param session        how sessions are checked
 * @param security       the Spring Security integration
 * @param health         the Actuator health indicator
 */
@ConfigurationProperties("kratos")
public record KratosProperties(URI publicUrl, URI adminUrl,
                               @DefaultValue("10s") Duration connectTimeout,
                               @DefaultValue("30s") Duration readTimeout,
                               @DefaultValue("kratos-flows-spring-boot") String userAgent,
                               @DefaultValue("20") int maxConnections,
                               @DefaultValue Session session,
                               @DefaultValue Security security,
                               @DefaultValue Health health) {

    /** Requires the nested groups (Spring fills them with their defaults). */
    public KratosProperties {
        Objects.requireNonNull(connectTimeout, "connectTimeout == null");
        Objects.requireNonNull(readTimeout, "readTimeout == null");
        Objects.requireNonNull(userAgent, "userAgent == null");
        Objects.requireNonNull(session, "session == null");
        Objects.requireNonNull(security, "security == null");
        Objects.requireNonNull(health, "health == null");
    }

    /** {@return the public URL, when set} */
    public Optional<URI> publicUrlIfSet() {
        return Optional.ofNullable(publicUrl);
    }

    /** {@return the admin URL, when set} */
    public Optional<URI> adminUrlIfSet() {
        return Optional.ofNullable(adminUrl);
    }

    /**
     * {@code kratos.session.*}.
     *
     * @param cache the whoami cache
     */
    public record Session(@DefaultValue Cache cache) {
        /** Requires the cache group. */
        public Session {
            Objects.requireNonNull(cache, "cache == null");
        }
    }

    /**
     * {@code kratos.session.cache.*}: a bounded cache of whoami answers, keyed by the SHA-256 of
     * the token. An entry never outlives the session's {@code expires_at}; refusals are not cached.
     *
     * @param enabled     whether to cache at all (default true)
     * @param ttl         the longest a checked session is trusted without asking Kratos again
     *                    (default 30 s; zero turns the cache off). A revoked token keeps working
     *                    for at most this long.
     * @param maximumSize the most sessions kept (default 10,000)
     */
    public record Cache(@DefaultValue("true") boolean enabled,
                        @DefaultValue("30s") Duration ttl,
                        @DefaultValue("10000") long maximumSize) {
        /** Rejects a negative TTL or size. */
        public Cache {
            Objects.requireNonNull(ttl, "ttl == null");
            if (ttl.isNegative()) {
                throw new IllegalArgumentException("kratos.session.cache.ttl must not be negative, got " + ttl);
            }
            if (maximumSize < 0) {
                throw new IllegalArgumentException("kratos.session.cache.maximum-size must not be negative, got "
                        + maximumSize);
            }
        }

        /** {@return whether answers are cached: enabled, with a positive TTL and size} */
        public boolean active() {
            return enabled && !ttl.isZero() && maximumSize > 0;
        }
    }

    /**
     * {@code kratos.security.*}.
     *
     * @param enabled whether session tokens authenticate requests (default true)
     */
    public record Security(@DefaultValue("true") boolean enabled) {
    }

    /**
     * {@code kratos.health.*}.
     *
     * @param timeout how long the readiness probe waits for Kratos (default 3 s)
     */
    public record Health(@DefaultValue("3s") Duration timeout) {
        /** Requires a positive timeout. */
        public Health {
            Objects.requireNonNull(timeout, "timeout == null");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("kratos.health.timeout must be positive, got " + timeout);
            }
        }
    }
}
