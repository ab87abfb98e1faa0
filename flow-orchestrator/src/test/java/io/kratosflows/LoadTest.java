package io.kratosflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.testing.ChildJvm;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * #13: one {@code Kratos} shared by 200 threads running mixed flows (login, whoami, settings fetch,
 * logout), each answer derived from its own request: no cross-talk, and never more connections than
 * the pool's size. The same on virtual threads, in a JDK 21+ JVM when one is installed.
 */
class LoadTest {

    @Test
    void twoHundredPlatformThreadsShareOneClient() throws Exception {
        LoadRun.Report report = LoadRun.run(Executors.newFixedThreadPool(200), 200, 10, 20);

        assertEquals(2_000, report.rounds());
        assertEquals(2_000 * 5, report.requests());
        assertTrue(report.mostConnectionsAtOnce() <= 20, report.toString());
    }

    @Test
    void twoThousandVirtualThreadsShareOneClient() throws Exception {
        Optional<Path> java = ChildJvm.javaOfAtLeast(21);
        if (java.isEmpty()) {
            System.out.println("SKIPPED (no JDK 21+): virtual threads need a JDK 21 or newer; set KRATOS_FLOWS_JDK21_HOME to one");
        }
        Assumptions.assumeTrue(java.isPresent(), "no JDK 21+ for virtual threads");

        // One round each: all 2,000 still run at once. C1 and the serial collector, as for every test JVM
        // (the root POM's test.jvm.args): this child took 15.6 CPU seconds with two rounds on the JVM's defaults, 6.9 now.
        ChildJvm.Result result = ChildJvm.run(java.get(), List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
                LoadRun.class, 300, "2000", "1");

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("OK Report[rounds=2000, requests=10000"), result.output());
    }
}
