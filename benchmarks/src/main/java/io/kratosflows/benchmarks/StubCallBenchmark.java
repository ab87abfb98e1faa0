package io.kratosflows.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Whole calls on loopback against {@link StubKratos}: a password submission (answered with the
 * recorded session) and whoami, through one client shared by all threads, for kratos-flows, raw
 * HttpClient 5 + Jackson and the official SDK. Sample time gives p50/p99; the trial's end prints
 * the failed calls and the connections the stub accepted, and fails the benchmark on any failed
 * call or on more connections than the pool holds (the SDK's OkHttp has no such bound: reported only).
 * The subclasses fix the thread count: {@link Threads1}, {@link Threads16}, {@link Threads200}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public abstract class StubCallBenchmark {

    /** The pool size of every client. */
    static final int POOL = 20;
    static final String IDENTIFIER = "fixture-08a6f479@example.org";
    static final String TOKEN = "ory_st_benchmark";
    /** Seconds of single-threaded calls before JMH's warm-up; {@code -Dkratosflows.bench.soloWarmup=0} skips them. */
    static final double SOLO_WARMUP_SECONDS = Double.parseDouble(System.getProperty("kratosflows.bench.soloWarmup", "6"));

    private StubKratos stub;
    private Contenders.Client library;
    private Contenders.Client raw;
    private Contenders.Client sdk;
    private final CallChecks checks = new CallChecks();

    /** Starts the stub and the clients, and the login flow each submits to; counts connections from here. */
    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        stub = new StubKratos();
        String contender = contender(params);
        library = new Contenders.Library(stub.url(), POOL, IDENTIFIER, "secret");
        raw = new Contenders.Raw(stub.url(), POOL, IDENTIFIER, "secret");
        sdk = new Contenders.Sdk(stub.url(), POOL, IDENTIFIER, "secret");
        Contenders.Client client = client(contender);
        client.prepare();
        soloWarmUp(client, params.getBenchmark().endsWith("Submit"));
        stub.resetCounts();
    }

    /**
     * Makes the trial's call on this one thread for {@link #SOLO_WARMUP_SECONDS}. With 16 or 200
     * threads busy on 2 cores, the JIT's compiler threads get a small share of the CPU: JMH's
     * warm-up alone left the whole call compiling for tens of seconds, so the first iterations
     * measured how much code each contender had left to compile (throughput still rising threefold
     * after 40 one-second iterations). One thread leaves the compiler most of a core.
     */
    private static void soloWarmUp(Contenders.Client client, boolean submit) {
        long until = System.nanoTime() + (long) (SOLO_WARMUP_SECONDS * 1e9);
        while (System.nanoTime() - until < 0) {
            if (submit) {
                client.submit();
            } else {
                client.whoami(TOKEN);
            }
        }
    }

    /** Prints and checks errors and connections; stops the stub. */
    @TearDown(Level.Trial)
    public void tearDown(BenchmarkParams params) {
        try {
            checks.finish(params.getBenchmark(), params.getThreads(), stub.accepted(), stub.maxOpen(), POOL,
                    !contender(params).equals("sdk"));
        } finally {
            library.close();
            raw.close();
            sdk.close();
            stub.close();
        }
    }

    private static String contender(BenchmarkParams params) {
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        return method.startsWith("library") ? "library" : method.startsWith("raw") ? "raw" : "sdk";
    }

    private Contenders.Client client(String contender) {
        return contender.equals("library") ? library : contender.equals("raw") ? raw : sdk;
    }

    /** {@return kratos-flows' outcome of a password submission} */
    @Benchmark
    public Object librarySubmit() {
        return checks.call(library::submit);
    }

    /** {@return the raw client's facts of a password submission} */
    @Benchmark
    public Object rawSubmit() {
        return checks.call(raw::submit);
    }

    /** {@return the SDK's model of a password submission} */
    @Benchmark
    public Object sdkSubmit() {
        return checks.call(sdk::submit);
    }

    /** {@return kratos-flows' whoami outcome} */
    @Benchmark
    public Object libraryWhoami() {
        return checks.call(() -> library.whoami(TOKEN));
    }

    /** {@return the raw client's whoami facts} */
    @Benchmark
    public Object rawWhoami() {
        return checks.call(() -> raw.whoami(TOKEN));
    }

    /** {@return the SDK's whoami session} */
    @Benchmark
    public Object sdkWhoami() {
        return checks.call(() -> sdk.whoami(TOKEN));
    }

    /** One thread. */
    @org.openjdk.jmh.annotations.Threads(1)
    public static class Threads1 extends StubCallBenchmark {
    }

    /** 16 threads through the one client. */
    @org.openjdk.jmh.annotations.Threads(16)
    public static class Threads16 extends StubCallBenchmark {
    }

    /** 200 threads through the one client (pool of {@value #POOL}). */
    @org.openjdk.jmh.annotations.Threads(200)
    public static class Threads200 extends StubCallBenchmark {
    }
}
