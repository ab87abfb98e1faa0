package io.kratosflows.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kratosflows.testkit.FakeRelease;
import io.kratosflows.testkit.KratosDownload;
import io.kratosflows.testkit.LocalKratos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A newcomer without Kratos: {@code demo} downloads the release (from a release page on loopback
 * whose archive's {@code kratos} runs the Kratos installed here), caches it, starts it and passes
 * every step. Skipped, with one line, where no Kratos is installed to stand in for the download.
 */
class DemoDownloadIT {

    @TempDir
    Path home;

    @Test
    void theWholeJourneyOnADownloadedKratos() throws Exception {
        Optional<Path> installed = LocalKratos.find(System.getenv());
        assumeTrue(installed.isPresent(), "SKIPPED: no Kratos binary (KRATOS_BIN or PATH) to stand in for the download");
        String version = KratosDownload.DEFAULT_VERSION;
        try (FakeRelease release = FakeRelease.start()) {
            byte[] archive = FakeRelease.tarGz("#!/bin/sh\nexec '" + installed.get() + "' \"$@\"\n", "kratos");
            release.release(version, FakeRelease.archiveName(version), archive, archive);

            CliRun run = CliRun.run("", Map.of("HOME", home.toString(), "PATH", "", "KRATOS_DOWNLOAD_URL", release.url()),
                    "demo", "--kratos-url", "http://127.0.0.1:" + FakeRelease.closedPort());

            assertEquals(0, run.exitCode(), run.toString());
            assertTrue(run.err().contains("kratos-flows: Downloading Kratos v" + version), run.toString());
            assertTrue(run.out().contains("Done: 9 of 9 steps passed"), run.toString());
            Path cached = home.resolve(".cache/kratos-flows/kratos/" + version);
            assertTrue(Files.isDirectory(cached), run.toString());
        }
    }
}
