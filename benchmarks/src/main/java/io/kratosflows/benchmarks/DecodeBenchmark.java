package io.kratosflows.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decode + decide, no network: one recorded Kratos answer (status and body bytes) to what a caller
 * acts on, by the library ({@code library}), a hand-written Jackson tree ({@code jackson}) and the
 * official SDK ({@code sdk}). Run with {@code -prof gc} for the allocation per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(1)
public class DecodeBenchmark {

    /** The recorded answer. */
    @Param
    public Body body;

    private LibraryDecoder library;
    private Body.Call call;
    private int status;
    private byte[] bytes;
    private String method;

    /** Builds the library's decoder (the submitted flow) outside the measurement. */
    @Setup
    public void setUp() {
        library = new LibraryDecoder();
        call = body.call();
        status = body.status();
        bytes = body.bytes();
        method = body.method();
    }

    /** {@return kratos-flows' flow or outcome} */
    @Benchmark
    public Object library() {
        return library.decode(call, status, bytes, method);
    }

    /** {@return the hand-written Jackson baseline's facts} */
    @Benchmark
    public Object jackson() throws IOException {
        return JacksonBaseline.decode(call, status, bytes);
    }

    /** {@return the official SDK's model and decision} */
    @Benchmark
    public Object sdk() {
        return SdkDecoder.decode(call, status, bytes);
    }
}
