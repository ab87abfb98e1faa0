package io.kratosflows.spring.benchmark;

import io.kratosflows.Aal;
import io.kratosflows.SessionToken;
import io.kratosflows.spring.FakeKratos;
import io.kratosflows.spring.KratosProperties;
import io.kratosflows.spring.security.KratosAuthentication;
import io.kratosflows.spring.security.KratosProblemHandler;
import io.kratosflows.spring.security.KratosSessionAuthenticationFilter;
import io.kratosflows.spring.security.KratosSessionAuthenticator;
import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What cached authentication costs a request after the first: the authenticator's cache hit (SHA-256
 * of the token, lookup, expiry check, a new authentication) and the whole filter on a request with
 * a token, against the filter on a request without one (the baseline: request creation and the
 * filter's own bookkeeping). Kratos is a fake that answers once; the run fails if whoami was
 * called more than that.
 *
 * <p>Run on demand (Surefire does not pick up {@code *Benchmark} by itself):
 * {@code mvn -B test -pl kratos-flows-spring-boot-starter -am -Dtest=CachedAuthenticationBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CachedAuthenticationBenchmark {

    private static final String TOKEN = "ory_st_benchmarkbenchmarkbenchmark42";
    private static final FilterChain NOTHING = (request, response) -> { };

    private FakeKratos kratos;
    private KratosSessionAuthenticator authenticator;
    private KratosSessionAuthenticationFilter filter;
    private SessionToken token;

    /** Signs the token in once: the first request, which asks Kratos. */
    @Setup
    public void signIn() {
        kratos = new FakeKratos();
        Instant now = Instant.now();
        kratos.answer(TOKEN, FakeKratos.active(FakeKratos.session(Aal.AAL1, now, now.plus(Duration.ofDays(1)))));
        authenticator = new KratosSessionAuthenticator(kratos,
                new KratosProperties.Cache(true, Duration.ofHours(1), 10_000));
        filter = new KratosSessionAuthenticationFilter(authenticator, new KratosProblemHandler());
        token = SessionToken.of(TOKEN);
        authenticator.authenticate(token);
    }

    /** Fails the run if the cache did not answer every request after the first. */
    @TearDown
    public void checkOneWhoami() {
        if (kratos.whoamiCalls() != 1) {
            throw new IllegalStateException("whoami was called " + kratos.whoamiCalls() + " times, not once");
        }
    }

    /** The authenticator's cache hit. */
    @Benchmark
    public KratosAuthentication cachedAuthenticate() {
        return authenticator.authenticate(token);
    }

    /** A request with a cached token through the filter. */
    @Benchmark
    public MockHttpServletResponse filterWithCachedToken() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/me");
        request.addHeader("X-Session-Token", TOKEN);
        return run(request);
    }

    /** The baseline: a request without a token through the filter. */
    @Benchmark
    public MockHttpServletResponse filterWithoutToken() throws Exception {
        return run(new MockHttpServletRequest("GET", "/me"));
    }

    private MockHttpServletResponse run(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, NOTHING);
        SecurityContextHolder.clearContext();
        return response;
    }

    /** Runs the benchmarks from JUnit, when asked for by name. */
    @Test
    void run() throws RunnerException {
        new Runner(new OptionsBuilder().include(CachedAuthenticationBenchmark.class.getName()).build()).run();
    }

    /** Runs the benchmarks from a class path of the test classes and their dependencies. */
    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(CachedAuthenticationBenchmark.class.getName()).build()).run();
    }
}
