package io.kratosflows.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The error count and connection record of one whole-call trial: every failed call is counted
 * (not thrown, so a 200-thread run reports how many failed), and at the end of the trial one line
 * goes to standard output and to {@link #FILE} for {@link Report}.
 */
final class CallChecks {

    /** Where trials record errors and connections, beside JMH's JSON; {@link Run} empties it first. */
    static final Path FILE = Path.of(System.getProperty("kratosflows.bench.dir",
            Files.isDirectory(Path.of("benchmarks", "target")) ? "benchmarks/target" : "target"), "jmh-calls.tsv");

    private final AtomicLong errors = new AtomicLong();
    private volatile String firstError;

    /** {@return the call's answer; null, counted, when it failed} */
    Object call(Supplier<Object> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            if (errors.getAndIncrement() == 0) {
                firstError = e.toString();
            }
            return null;
        }
    }

    long errors() {
        return errors.get();
    }

    /**
     * Prints and records the trial.
     *
     * @throws IllegalStateException when a call failed, or when {@code bounded} and the client opened
     *         more connections than its pool holds
     */
    void finish(String benchmark, int threads, int accepted, int maxOpen, int pool, boolean bounded) {
        String line = benchmark + "\t" + threads + "\t" + errors.get() + "\t" + accepted + "\t" + maxOpen + "\t" + pool;
        System.out.println();
        System.out.println("calls: " + benchmark + " threads=" + threads + " errors=" + errors.get()
                + (accepted < 0 ? "" : " connections accepted=" + accepted + " max-open=" + maxOpen + " pool=" + pool));
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (errors.get() > 0) {
            throw new IllegalStateException(benchmark + ": " + errors.get() + " calls failed, the first with " + firstError);
        }
        if (bounded && accepted > pool) {
            throw new IllegalStateException(benchmark + ": " + accepted + " connections for a pool of " + pool);
        }
    }
}
