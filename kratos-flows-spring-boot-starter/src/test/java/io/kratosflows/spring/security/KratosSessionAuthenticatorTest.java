package io.kratosflows.spring.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import io.kratosflows.Aal;
import io.kratosflows.SessionToken;
import io.kratosflows.error.KratosTransportException;
import io.kratosflows.spring.FakeKratos;
import io.kratosflows.spring.KratosProperties;
import io.kratosflows.spring.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class KratosSessionAuthenticatorTest {

    private static final String TOKEN = "ory_st_abcdefghijklmnopqrstuvwxyz123456";
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final FakeKratos kratos = new FakeKratos();

    private KratosSessionAuthenticator authenticator(KratosProperties.Cache cache) {
        return new KratosSessionAuthenticator(kratos.sessions(), cache, clock, Ticker.systemTicker());
    }

    private static KratosProperties.Cache cache(Duration ttl) {
        return new KratosProperties.Cache(true, ttl, 10_000);
    }

    private void activeFor(String token, Aal aal, Duration expiresIn) {
        kratos.answer(token, FakeKratos.active(FakeKratos.session(aal, clock.instant(), clock.instant().plus(expiresIn))));
    }

    @Test
    void answersFromTheCacheWithinTheTtl() {
        activeFor(TOKEN, Aal.AAL1, Duration.ofHours(24));
        KratosSessionAuthenticator authenticator = authenticator(cache(Duration.ofSeconds(30)));

        KratosAuthentication first = authenticator.authenticate(SessionToken.of(TOKEN));
        clock.advance(Duration.ofSeconds(29));
        KratosAuthentication second = authenticator.authenticate(SessionToken.of(TOKEN));

        assertThat(kratos.whoamiCalls()).isEqualTo(1);
        assertThat(first.fromCache()).isFalse();
        assertThat(second.fromCache()).isTrue();
        assertThat(second.getPrincipal().identity()).isEqualTo(first.getPrincipal().identity());
        assertThat(second).isNotSameAs(first); // a fresh authentication per request: details cannot leak across
    }

    @Test
    void asksAgainAfterTheTtl() {
        activeFor(TOKEN, Aal.AAL1, Duration.ofHours(24));
        KratosSessionAuthenticator authenticator = authenticator(cache(Duration.ofSeconds(30)));

        authenticator.authenticate(SessionToken.of(TOKEN));
        clock.advance(Duration.ofSeconds(30));
        authenticator.authenticate(SessionToken.of(TOKEN));

        assertThat(kratos.whoamiCalls()).isEqualTo(2);
    }

    @Test
    void neverTrustsASessionPastItsExpiry() {
        activeFor(TOKEN, Aal.AAL1, Duration.ofSeconds(5));
        KratosSessionAuthenticator authenticator = authenticator(cache(Duration.ofSeconds(30)));
        authenticator.authenticate(SessionToken.of(TOKEN));

        clock.advance(Duration.ofSeconds(6));
        kratos.answer(TOKEN, FakeKratos.NOT_SIGNED_IN); // Kratos has expired it too

        assertThatThrownBy(() -> authenticator.authenticate(SessionToken.of(TOKEN)))
                .isInstanceOfSatisfying(KratosAuthenticationException.class,
                        e -> assertThat(e.problem()).isEqualTo(KratosProblem.sessionInactive()));
        assertThat(kratos.whoamiCalls()).isEqualTo(2);
    }

    @Test
    void refusesAnAlreadyExpiredSession() {
        kratos.answer(TOKEN, FakeKratos.active(FakeKratos.session(Aal.AAL1, START.minusSeconds(60), START.minusSeconds(1))));

        assertThatThrownBy(() -> authenticator(cache(Duration.ofSeconds(30))).authenticate(SessionToken.of(TOKEN)))
                .isInstanceOf(KratosAuthenticationException.class);
    }

    @Test
    void checksEveryRequestWhenTheCacheIsOff() {
        activeFor(TOKEN, Aal.AAL1, Duration.ofHours(24));
        for (KratosProperties.Cache off : List.of(new KratosProperties.Cache(false, Duration.ofSeconds(30), 100),
                new KratosProperties.Cache(true, Duration.ZERO, 100), new KratosProperties.Cache(true, Duration.ofSeconds(30), 0))) {
            int before = kratos.whoamiCalls();
            KratosSessionAuthenticator authenticator = authenticator(off);
            authenticator.authenticate(SessionToken.of(TOKEN));
            authenticator.authenticate(SessionToken.of(TOKEN));
            assertThat(kratos.whoamiCalls() - before).as(off.toString()).isEqualTo(2);
            assertThat(authenticator.toString()).contains("cache=off");
        }
    }

    @Test
    void doesNotCacheRefusals() {
        KratosSessionAuthenticator authenticator = authenticator(cache(Duration.ofSeconds(30)));

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> authenticator.authenticate(SessionToken.of(TOKEN)))
                    .isInstanceOfSatisfying(KratosAuthenticationException.class, e -> {
                        assertThat(e.problem().status()).isEqualTo(401);
                        assertThat(e.problem().action()).isEqualTo(KratosProblem.Action.SIGN_IN);
                    });
        }
        assertThat(kratos.whoamiCalls()).isEqualTo(2);
        activeFor(TOKEN, Aal.AAL1, Duration.ofHours(1));
        assertThat(authenticator.authenticate(SessionToken.of(TOKEN)).fromCache()).isFalse();
    }

    @Test
    void aSecondFactorRequiredAnswerMeansStepUp() {
        kratos.answer(TOKEN, FakeKratos.secondFactorRequired());
        KratosSessionAuthenticator authenticator = authenticator(cache(Duration.ofSeconds(30)));

        assertThatThrownBy(() -> authenticator.authenticate(SessionToken.of(TOKEN)))
                .isInstanceOfSatisfying(KratosAuthenticationException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(403);
                    assertThat(e.problem().action()).isEqualTo(KratosProblem.Action.STEP_UP);
                    assertThat(e.problem().requiredAal()).contains(Aal.AAL2);
                });
        // Not cached: once the client has stepped up, the same token must work at once.
        activeFor(TOKEN, Aal.AAL2, Duration.ofHours(1));
        assertThat(authenticator.authenticate(SessionToken.of(TOKEN)).getPrincipal().aal()).isEqualTo(Aal.AAL2);
    }

    @Test
    void kratosUnreachableIsRetryAndNotCached() {
        kratos.answer(TOKEN, t -> {
            throw new KratosTransportException("GET /sessions/whoami: connection refused", false, null);
        });
        KratosSessionAuthenticator authenticator = authenticator(cache(Duration.ofSeconds(30)));

        assertThatThrownBy(() -> authenticator.authenticate(SessionToken.of(TOKEN)))
                .isInstanceOfSatisfying(KratosAuthenticationException.class,
                        e -> assertThat(e.problem()).isEqualTo(KratosProblem.unavailable()));
        activeFor(TOKEN, Aal.AAL1, Duration.ofHours(1));
        assertThat(authenticator.authenticate(SessionToken.of(TOKEN)).getPrincipal()).isNotNull();
        assertThat(kratos.whoamiCalls()).isEqualTo(2);
    }

    @Test
    void concurrentRequestsWithOneTokenShareOneWhoami() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        var session = FakeKratos.session(Aal.AAL1, START, START.plus(Duration.ofHours(1)));
        kratos.answer(TOKEN, t -> {
            await(release); // holds the first whoami until every request has asked
            return FakeKratos.active(session);
        });
        KratosSessionAuthenticator authenticator = authenticator(cache(Duration.ofSeconds(30)));
        ExecutorService pool = Executors.newFixedThreadPool(200);
        try {
            CountDownLatch asked = new CountDownLatch(200);
            List<Future<KratosAuthentication>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> {
                    asked.countDown();
                    return authenticator.authenticate(SessionToken.of(TOKEN));
                }));
            }
            assertThat(asked.await(30, TimeUnit.SECONDS)).isTrue();
            release.countDown();
            for (Future<KratosAuthentication> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS).getPrincipal().session()).isEqualTo(session);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(kratos.whoamiCalls()).isEqualTo(1);
    }

    @Test
    void keysTheCacheByDigestNeverByToken() {
        activeFor(TOKEN, Aal.AAL1, Duration.ofHours(1));
        KratosSessionAuthenticator authenticator = authenticator(cache(Duration.ofSeconds(30)));

        KratosAuthentication authentication = authenticator.authenticate(SessionToken.of(TOKEN));

        assertThat(authenticator.cacheKeys()).singleElement().satisfies(key -> {
            assertThat(key).doesNotContain(TOKEN).doesNotContain("abcdefghij").matches("[0-9a-f]{64}");
        });
        assertThat(authentication.toString()).doesNotContain(TOKEN).contains("AAL_aal1");
        assertThat(authentication.getPrincipal().toString()).doesNotContain(TOKEN).doesNotContain("ada@example.org");
        assertThat(authentication.getCredentials()).isEqualTo("");
        assertThat(authenticator.toString()).doesNotContain(TOKEN);
    }

    @Test
    void refusalMessagesNeverHoldTheToken() {
        KratosSessionAuthenticator authenticator = authenticator(cache(Duration.ofSeconds(30)));

        assertThatThrownBy(() -> authenticator.authenticate(SessionToken.of(TOKEN)))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
    }

    @Test
    void holdsNoMoreThanTheMaximumSize() {
        KratosSessionAuthenticator authenticator = authenticator(new KratosProperties.Cache(true, Duration.ofSeconds(30), 3));
        for (int i = 0; i < 20; i++) {
            activeFor(TOKEN + i, Aal.AAL1, Duration.ofHours(1));
            authenticator.authenticate(SessionToken.of(TOKEN + i));
        }

        assertThat(authenticator.cachedSessions()).isLessThanOrEqualTo(3);
    }

    @Test
    void revalidationAsksKratosAgainAndRefreshesTheCache() {
        activeFor(TOKEN, Aal.AAL1, Duration.ofHours(1));
        KratosSessionAuthenticator authenticator = authenticator(cache(Duration.ofSeconds(30)));
        authenticator.authenticate(SessionToken.of(TOKEN));
        KratosAuthentication cached = authenticator.authenticate(SessionToken.of(TOKEN));

        activeFor(TOKEN, Aal.AAL2, Duration.ofHours(1)); // the client stepped up meanwhile
        KratosAuthentication fresh = cached.revalidate();

        assertThat(fresh.getPrincipal().aal()).isEqualTo(Aal.AAL2);
        assertThat(authenticator.authenticate(SessionToken.of(TOKEN)).getPrincipal().aal()).isEqualTo(Aal.AAL2);
        assertThat(kratos.whoamiCalls()).isEqualTo(2);
    }

    @Test
    void refusesAnActiveAnswerWithoutIdentityOrActiveFlag() {
        var base = FakeKratos.session(Aal.AAL1, START, START.plus(Duration.ofHours(1)));
        kratos.answer("no-identity", FakeKratos.active(new io.kratosflows.session.Session(base.id(), true, base.aal(),
                base.authenticationMethods(), java.util.Optional.empty(), base.issuedAt(), base.authenticatedAt(),
                base.expiresAt())));
        kratos.answer("inactive", FakeKratos.active(new io.kratosflows.session.Session(base.id(), false, base.aal(),
                base.authenticationMethods(), base.identity(), base.issuedAt(), base.authenticatedAt(), base.expiresAt())));
        KratosSessionAuthenticator authenticator = authenticator(cache(Duration.ofSeconds(30)));

        assertThatThrownBy(() -> authenticator.authenticate(SessionToken.of("no-identity")))
                .isInstanceOf(KratosAuthenticationException.class);
        assertThatThrownBy(() -> authenticator.authenticate(SessionToken.of("inactive")))
                .isInstanceOf(KratosAuthenticationException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
