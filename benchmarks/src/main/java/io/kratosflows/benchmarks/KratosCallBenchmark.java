package io.kratosflows.benchmarks;

import io.kratosflows.testkit.LocalKratos;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Whole calls against a real Kratos started by the test kit ({@link LocalKratos}: {@code KRATOS_BIN}
 * or {@code kratos} on {@code PATH}), one thread: whoami with a session token made in the setup,
 * and a password login (start + submit) of an identity made in the setup, for kratos-flows, raw
 * HttpClient 5 + Jackson and the official SDK. {@link Run} leaves these out, with one line, when
 * no Kratos is found.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@Threads(1)
public class KratosCallBenchmark {

    private static final int POOL = 20;

    private LocalKratos kratos;
    private Path workDir;
    private String token;
    private Contenders.Client library;
    private Contenders.Client raw;
    private Contenders.Client sdk;
    private final CallChecks checks = new CallChecks();

    /** Starts Kratos, creates the identity and signs it in once for whoami's token. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path binary = LocalKratos.find(System.getenv()).orElseThrow(() -> new IllegalStateException(
                "no Kratos: set KRATOS_BIN or put kratos on PATH (io.kratosflows.benchmarks.Run skips these then)"));
        workDir = Files.createTempDirectory("kratos-flows-bench");
        kratos = LocalKratos.start(LocalKratos.Options.of(binary, workDir));
        String email = "bench-" + UUID.randomUUID() + "@example.org";
        String password = "bench-" + UUID.randomUUID();
        kratos.admin().createIdentity(email, password);
        String url = kratos.publicUrl().toString();
        library = new Contenders.Library(url, POOL, email, password);
        raw = new Contenders.Raw(url, POOL, email, password);
        sdk = new Contenders.Sdk(url, POOL, email, password);
        token = library.token();
    }

    /** Prints the failed calls (failing the benchmark on any) and stops Kratos. */
    @TearDown(Level.Trial)
    public void tearDown(BenchmarkParams params) {
        try {
            checks.finish(params.getBenchmark(), params.getThreads(), -1, -1, POOL, false);
        } finally {
            library.close();
            raw.close();
            sdk.close();
            kratos.close();
            delete(workDir);
        }
    }

    private static void delete(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return kratos-flows' whoami outcome} */
    @Benchmark
    public Object libraryWhoami() {
        return checks.call(() -> library.whoami(token));
    }

    /** {@return the raw client's whoami facts} */
    @Benchmark
    public Object rawWhoami() {
        return checks.call(() -> raw.whoami(token));
    }

    /** {@return the SDK's whoami session} */
    @Benchmark
    public Object sdkWhoami() {
        return checks.call(() -> sdk.whoami(token));
    }

    /** {@return kratos-flows' login: start, then submit the password} */
    @Benchmark
    public Object libraryLogin() {
        return checks.call(library::login);
    }

    /** {@return the raw client's login: start, then submit the password} */
    @Benchmark
    public Object rawLogin() {
        return checks.call(raw::login);
    }

    /** {@return the SDK's login: start, then submit the password} */
    @Benchmark
    public Object sdkLogin() {
        return checks.call(sdk::login);
    }
}
