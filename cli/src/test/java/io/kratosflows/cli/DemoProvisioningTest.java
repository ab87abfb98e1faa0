package io.kratosflows.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.testkit.FakeRelease;
import io.kratosflows.testkit.KratosDownload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code demo} provisions Kratos when none is installed: it downloads the official release
 * (here from a release page on loopback, with a small script for a binary) into the per-user
 * cache and reuses it; {@code --no-download}, {@code KRATOS_DOWNLOAD=false} and no network each
 * end at once with one line.
 */
class DemoProvisioningTest {

    private static final String VERSION = KratosDownload.DEFAULT_VERSION;
    private static final String NOWHERE = "http://127.0.0.1:" + FakeRelease.closedPort();

    @TempDir
    Path home;

    private Map<String, String> env(String... more) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("HOME", home.toString(), "PATH", ""));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    private List<Path> cached() throws IOException {
        Path cache = home.resolve(".cache");
        if (!Files.exists(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void downloadsVerifiesCachesAndReusesTheRelease() throws IOException {
        try (FakeRelease release = FakeRelease.start()) {
            byte[] archive = FakeRelease.tarGz(FakeRelease.script(VERSION), "kratos");
            release.release(VERSION, FakeRelease.archiveName(VERSION), archive, archive);
            Map<String, String> env = env("KRATOS_DOWNLOAD_URL", release.url());

            // The script is no real Kratos: it prints a version and refuses to serve.
            CliRun first = CliRun.run("", env, "demo", "--kratos-url", NOWHERE);

            assertTrue(first.err().contains("kratos-flows: Downloading Kratos v" + VERSION + " ("
                    + FakeRelease.archiveName(VERSION) + ") from " + release.url().replace("{version}", VERSION)), first.toString());
            assertTrue(first.err().contains("verified (SHA-256 " + FakeRelease.sha256(archive).substring(0, 12)), first.toString());
            assertEquals(1, cached().size(), "the binary alone is cached: " + cached());
            Path binary = cached().get(0);
            assertTrue(first.out().contains("starting Kratos from " + binary), first.toString());
            assertEquals(4, first.exitCode(), first.toString());
            assertTrue(first.err().contains("the local Kratos did not start"), first.toString());
            assertEquals(2, release.requests().size());

            CliRun second = CliRun.run("", env, "demo", "--kratos-url", NOWHERE);
            assertFalse(second.err().contains("Downloading"), second.toString());
            assertTrue(second.out().contains("starting Kratos from " + binary), second.toString());
            assertEquals(2, release.requests().size(), "nothing downloaded again");
        }
    }

    @Test
    void noDownloadAndTheSwitchTurnItOff() throws IOException {
        CliRun flag = CliRun.run("", env(), "demo", "--kratos-url", NOWHERE, "--no-download");
        assertEquals(4, flag.exitCode(), flag.toString());
        assertEquals(1, flag.errLines().size(), flag.toString());
        assertTrue(flag.err().contains("downloading is off: --no-download") && flag.err().contains("KRATOS_BIN"),
                flag.toString());

        CliRun off = CliRun.run("", env("KRATOS_DOWNLOAD", "false"), "demo", "--kratos-url", NOWHERE);
        assertEquals(4, off.exitCode(), off.toString());
        assertEquals(1, off.errLines().size(), off.toString());
        assertTrue(off.err().contains("downloading is off: KRATOS_DOWNLOAD=false"), off.toString());
        assertEquals(List.of(), cached());
    }

    @Test
    void noNetworkIsOneLineAndLeavesNothing() throws IOException {
        CliRun run = CliRun.run("", env("KRATOS_DOWNLOAD_URL", NOWHERE + "/kratos/"), "demo", "--kratos-url", NOWHERE);
        assertEquals(4, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().contains("the download failed: cannot fetch " + NOWHERE + "/kratos/checksums.txt"), run.toString());
        assertEquals(List.of(), cached());
    }

    @Test
    void aBadDownloadSettingIsAUsageError() {
        CliRun run = CliRun.run("", env("KRATOS_DOWNLOAD_URL", "not a url"), "demo", "--kratos-url", NOWHERE);
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("KRATOS_DOWNLOAD_URL=not a url"), run.toString());
    }
}
