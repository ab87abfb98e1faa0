package io.kratosflows.spring.security;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.kratosflows.Aal;
import io.kratosflows.Kratos;
import io.kratosflows.SessionToken;
import io.kratosflows.error.KratosException;
import io.kratosflows.session.Session;
import io.kratosflows.session.Sessions;
import io.kratosflows.session.WhoamiOutcome;
import io.kratosflows.spring.KratosProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.security.core.GrantedAuthority;

/**
 * Checks session tokens with Kratos ({@code GET /sessions/whoami}) and remembers the answers for a
 * while. Thread-safe; one instance serves the application.
 *
 * <p><b>Cache.</b> Bounded (Caffeine), keyed by the SHA-256 of the token (never the token). An
 * accepted session is trusted for at most the configured TTL and never past its
 * {@code expires_at}, checked against the wall clock on every hit. Refusals are not cached (a
 * transient 401 from Kratos must not lock a user out), and neither are failures to reach Kratos.
 * Concurrent requests with the same token that find no answer share one whoami. A revoked token
 * keeps working for at most the TTL; set {@code kratos.session.cache.ttl=0} to check every request.
 *
 * <p><b>Outcomes.</b> {@code Active} with an identity authenticates; {@code SecondFactorRequired}
 * (Kratos configured with {@code required_aal: highest_available}) is refused with
 * {@link KratosProblem#stepUp}; {@code NotSignedIn} and any outcome a newer library adds are
 * refused with {@link KratosProblem#sessionInactive}; a transport or server failure is
 * {@link KratosProblem#unavailable}.
 */
public final class KratosSessionAuthenticator {

    private static final Log LOG = LogFactory.getLog(KratosSessionAuthenticator.class);

    private final Sessions sessions;
    private final Clock clock;
    private final Duration ttl;
    private final Optional<AsyncCache<String, Check>> cache;

    /** Checks tokens with {@code kratos}, caching as {@code settings} say. */
    public KratosSessionAuthenticator(Kratos kratos, KratosProperties.Cache settings) {
        this(Objects.requireNonNull(kratos, "kratos == null").sessions(), settings, Clock.systemUTC(),
                Ticker.systemTicker());
    }

    /** For tests: the session calls, the wall clock for expiry checks and the cache's ticker. */
    KratosSessionAuthenticator(Sessions sessions, KratosProperties.Cache settings, Clock clock, Ticker ticker) {
        this.sessions = Objects.requireNonNull(sessions, "sessions == null");
        Objects.requireNonNull(settings, "settings == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.ttl = settings.ttl();
        this.cache = settings.active()
                ? Optional.of(Caffeine.newBuilder()
                        .maximumSize(settings.maximumSize())
                        .expireAfter(new UntilNotAfter())
                        .ticker(ticker)
                        .executor(Runnable::run) // upkeep on the calling thread: no pool needed
                        .buildAsync())
                : Optional.empty();
    }

    /**
     * {@return the authentication for a session token}
     *
     * @throws KratosAuthenticationException when the token does not authenticate; its problem says why
     */
    public KratosAuthentication authenticate(SessionToken token) {
        Objects.requireNonNull(token, "token == null");
        if (cache.isEmpty()) {
            return authentication(load(token), false, token, null);
        }
        String key = key(token);
        for (int attempt = 0; ; attempt++) {
            CompletableFuture<Check> mine = new CompletableFuture<>();
            CompletableFuture<Check> found = cache.get().get(key, (k, executor) -> mine);
            boolean fromCache = found != mine && found.isDone();
            if (found == mine) {
                complete(mine, token); // this request loads; concurrent ones with the same token wait for it
            }
            Check check = join(found);
            if (check instanceof Accepted accepted && !clock.instant().isBefore(accepted.notAfter())) {
                cache.get().asMap().remove(key, found); // past its bound by the wall clock: ask again, once
                if (attempt == 0) {
                    continue;
                }
                throw new KratosAuthenticationException(KratosProblem.sessionInactive());
            }
            return authentication(check, fromCache, token, found);
        }
    }

    /** {@return how many answers the cache holds} For tests and diagnostics. */
    long cachedSessions() {
        return cache.map(c -> c.synchronous().estimatedSize()).orElse(0L);
    }

    /** {@return the cache keys} For tests: they must never be tokens. */
    Set<String> cacheKeys() {
        return cache.map(c -> Set.copyOf(c.asMap().keySet())).orElse(Set.of());
    }

    private KratosAuthentication authentication(Check check, boolean fromCache, SessionToken token,
                                                CompletableFuture<Check> seen) {
        if (check instanceof Accepted accepted) {
            return new KratosAuthentication(accepted.principal(), accepted.authorities(), fromCache,
                    () -> revalidate(token, seen));
        }
        throw new KratosAuthenticationException(((Refused) check).problem());
    }

    private KratosAuthentication revalidate(SessionToken token, CompletableFuture<Check> seen) {
        // Drops only the answer this request saw: concurrent revalidations then share one whoami.
        cache.ifPresent(c -> c.asMap().remove(key(token), seen));
        return authenticate(token);
    }

    private void complete(CompletableFuture<Check> future, SessionToken token) {
        try {
            future.complete(load(token));
        } catch (RuntimeException | Error e) {
            future.completeExceptionally(e); // Caffeine drops failed entries
            throw e;
        }
    }

    private static Check join(CompletableFuture<Check> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private Check load(SessionToken token) {
        Instant now = clock.instant();
        WhoamiOutcome outcome;
        try {
            outcome = sessions.whoami(token);
        } catch (KratosException e) {
            // The library's messages never hold the token.
            LOG.warn("could not check a session with Kratos: " + e.getMessage());
            return new Refused(KratosProblem.unavailable());
        }
        if (outcome instanceof WhoamiOutcome.Active active) {
            return accepted(active.session(), now);
        }
        if (outcome instanceof WhoamiOutcome.SecondFactorRequired) {
            return new Refused(KratosProblem.stepUp(Aal.AAL2));
        }
        return new Refused(KratosProblem.sessionInactive()); // NotSignedIn, and outcomes a newer library adds
    }

    private Check accepted(Session session, Instant now) {
        // Without a cache an answer serves one request: only expires_at bounds it.
        Instant notAfter = cache.isPresent() ? now.plus(ttl) : Instant.MAX;
        if (session.expiresAt().isPresent() && session.expiresAt().get().isBefore(notAfter)) {
            notAfter = session.expiresAt().get();
        }
        if (!session.active() || session.identity().isEmpty() || !notAfter.isAfter(now)) {
            return new Refused(KratosProblem.sessionInactive());
        }
        return new Accepted(new KratosPrincipal(session, session.identity().get()), KratosAuthorities.of(session),
                notAfter);
    }

    private static String key(SessionToken token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.reveal().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Shows the cache settings; never a token. */
    @Override
    public String toString() {
        return "KratosSessionAuthenticator[cache=" + (cache.isPresent() ? "ttl " + ttl : "off") + "]";
    }

    /** A whoami answer as the cache keeps it. */
    private sealed interface Check permits Accepted, Refused {
    }

    /** An active session, trusted until {@code notAfter} (the earlier of load time + TTL and expires_at). */
    private record Accepted(KratosPrincipal principal, List<GrantedAuthority> authorities, Instant notAfter)
            implements Check {
    }

    /** A refusal; kept by the cache only long enough to hand it to the requests that waited for it. */
    private record Refused(KratosProblem problem) implements Check {
    }

    /** Keeps an accepted session until its {@code notAfter}; a refusal not at all. */
    private final class UntilNotAfter implements Expiry<String, Check> {
        @Override
        public long expireAfterCreate(String key, Check check, long currentTime) {
            if (check instanceof Accepted accepted) {
                return Math.max(0, Duration.between(clock.instant(), accepted.notAfter()).toNanos());
            }
            return 0;
        }

        @Override
        public long expireAfterUpdate(String key, Check check, long currentTime, long currentDuration) {
            return expireAfterCreate(key, check, currentTime);
        }

        @Override
        public long expireAfterRead(String key, Check check, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
