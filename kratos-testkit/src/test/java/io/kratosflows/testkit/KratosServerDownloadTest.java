package io.kratosflows.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * What the kit does when it is asked to download Kratos and cannot: with no network the classes
 * are skipped with one line naming the address; an archive that fails its checksum fails them.
 * Either way the cache stays empty. Runs small Jupiter classes in-process.
 */
class KratosServerDownloadTest {

    private static final ByteArrayOutputStream STDERR = new ByteArrayOutputStream();
    private static final PrintStream CAPTURE = new PrintStream(STDERR, true, StandardCharsets.UTF_8);
    private static final Path CACHE = tempDir();
    private static final FakeRelease RELEASE = FakeRelease.start();
    private static final String OFFLINE = "http://127.0.0.1:" + FakeRelease.closedPort() + "/kratos/";

    static class Offline {
        @RegisterExtension
        static final KratosServer kratos = KratosServer.builder().environment(Map.of("PATH", "",
                "XDG_CACHE_HOME", CACHE.toString(), "KRATOS_DOWNLOAD", "true", "KRATOS_DOWNLOAD_URL", OFFLINE))
                .announceTo(CAPTURE).build();

        @Test
        void mustNotRun() {
            fail("ran without Kratos");
        }
    }

    static class AlsoOffline {
        @RegisterExtension
        static final KratosServer kratos = KratosServer.builder().set("selfservice.flows.login.lifespan", "3s")
                .environment(Map.of("PATH", "", "XDG_CACHE_HOME", CACHE.toString(), "KRATOS_DOWNLOAD", "true",
                        "KRATOS_DOWNLOAD_URL", OFFLINE))
                .announceTo(CAPTURE).build();

        @Test
        void mustNotRun() {
            fail("ran without Kratos");
        }
    }

    static class Tampered {
        @RegisterExtension
        static final KratosServer kratos = KratosServer.builder().environment(Map.of("PATH", "",
                "XDG_CACHE_HOME", CACHE.toString(), "KRATOS_DOWNLOAD", "true",
                "KRATOS_DOWNLOAD_URL", RELEASE.url(), "KRATOS_DOWNLOAD_VERSION", "26.2.1"))
                .announceTo(CAPTURE).build();

        @Test
        void mustNotRun() {
            fail("ran a Kratos that failed its checksum");
        }
    }

    @Test
    void noNetworkSkipsWithOneLineAndNothingCached() throws IOException {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(Offline.class), selectClass(AlsoOffline.class)).execute();

        results.testEvents().assertStatistics(stats -> stats.started(0).succeeded(0).failed(0));
        List<Event> skipped = results.containerEvents().skipped().list();
        assertEquals(2, skipped.size(), "both classes skipped");
        String reason = skipped.get(0).getPayload(String.class).orElseThrow();
        assertTrue(reason.startsWith("SKIPPED (no Kratos): cannot fetch " + OFFLINE + "checksums.txt: "), reason);
        assertEquals(reason, skipped.get(1).getPayload(String.class).orElseThrow());
        String printed = STDERR.toString(StandardCharsets.UTF_8);
        assertTrue(printed.endsWith(reason + System.lineSeparator()), printed);
        assertEquals(1, printed.lines().filter(l -> l.startsWith("SKIPPED")).count(), "one line: " + printed);
        assertEquals(List.of(), files(CACHE));
    }

    @Test
    void aTamperedArchiveFailsTheClass() throws IOException {
        String name = KratosPlatform.current().orElseThrow().archiveName("26.2.1");
        byte[] archive = FakeRelease.tarGz(FakeRelease.script("26.2.1"), "kratos");
        RELEASE.release("26.2.1", name, archive, "what the release published".getBytes(StandardCharsets.UTF_8));

        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(Tampered.class)).execute();

        List<Event> failed = results.containerEvents().failed().list();
        assertEquals(1, failed.size());
        Throwable cause = failed.get(0).getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertInstanceOf(ExtensionConfigurationException.class, cause);
        assertTrue(cause.getMessage().contains("the SHA-256 of " + name + " is "), cause.getMessage());
        assertEquals(List.of(), files(CACHE));
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("kratos-testkit-cache-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
