package io.kratosflows.benchmarks;

import io.kratosflows.testkit.LocalKratos;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark jar's entry point: JMH's own command line ({@code java -jar benchmarks.jar -h}),
 * after two things of ours. Without a Kratos binary ({@code KRATOS_BIN}, or {@code kratos} on
 * {@code PATH}) the real-Kratos benchmarks are left out, with one line saying so; and the record
 * of errors and connections of the previous run ({@link CallChecks#FILE}) is removed.
 */
public final class Run {

    private Run() {
    }

    /**
     * Runs JMH.
     *
     * @param args JMH's arguments
     * @throws Exception whatever JMH throws
     */
    public static void main(String[] args) throws Exception {
        List<String> jmh = new ArrayList<>(List.of(args));
        if (LocalKratos.find(System.getenv()).isEmpty()) {
            System.out.println("SKIPPED (no Kratos): KratosCallBenchmark needs KRATOS_BIN or kratos on PATH");
            jmh.add("-e");
            jmh.add(KratosCallBenchmark.class.getSimpleName());
        }
        Files.deleteIfExists(CallChecks.FILE);
        org.openjdk.jmh.Main.main(jmh.toArray(String[]::new));
    }
}
