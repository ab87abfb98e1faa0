package io.kratosflows.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloading the Kratos release end to end against a loopback server serving archives made here:
 * a good download is verified, unpacked, cached and reused; a bad checksum, a truncated download,
 * no network, a missing file and an archive without Kratos each fail with their reason and leave
 * nothing in the cache.
 */
class KratosDownloadTest {

    private static final String VERSION = KratosDownload.DEFAULT_VERSION;
    private static final KratosPlatform LINUX = new KratosPlatform("linux", "amd64");
    private static final String ARCHIVE = "kratos_26.2.0-linux_sqlite_64bit.tar.gz";

    @TempDir
    Path cache;

    private final FakeRelease release = FakeRelease.start();
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logged, true, StandardCharsets.UTF_8);

    @AfterEach
    void stop() {
        release.close();
    }

    private KratosDownload download(Map<String, String> extra, KratosPlatform platform) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("XDG_CACHE_HOME", cache.toString(),
                KratosDownload.LOCATION, release.url()));
        env.putAll(extra);
        return KratosDownload.fromEnvironment(env, Optional.of(platform))
                .withTimings(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ZERO);
    }

    private KratosDownload download() {
        return download(Map.of(), LINUX);
    }

    private List<Path> filesInCache() throws IOException {
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void archiveNamesFollowKratosReleases() {
        assertEquals("kratos_26.2.0-linux_sqlite_64bit.tar.gz", LINUX.archiveName("26.2.0"));
        assertEquals("kratos_26.2.0-linux_sqlite_arm64.tar.gz", KratosPlatform.of("Linux", "aarch64").orElseThrow()
                .archiveName("26.2.0"));
        assertEquals("kratos_25.4.0-macOS_sqlite_arm64.tar.gz", KratosPlatform.of("Mac OS X", "aarch64").orElseThrow()
                .archiveName("25.4.0"));
        assertEquals("kratos_26.2.0-macOS_sqlite_64bit.tar.gz", KratosPlatform.of("Mac OS X", "x86_64").orElseThrow()
                .archiveName("26.2.0"));
        assertEquals("kratos_26.2.0-windows_sqlite_64bit.zip", KratosPlatform.of("Windows 11", "amd64").orElseThrow()
                .archiveName("26.2.0"));
        assertEquals(Optional.empty(), KratosPlatform.of("Linux", "s390x"));
        assertEquals(Optional.empty(), KratosPlatform.of("Windows 11", "aarch64"));
        assertEquals(Optional.empty(), KratosPlatform.of("SunOS", "amd64"));
    }

    @Test
    void defaultsPointAtTheOfficialReleaseAndTheUserCache() {
        KratosDownload defaults = KratosDownload.fromEnvironment(Map.of("HOME", "/home/ada"), Optional.of(LINUX));
        assertEquals("26.2.0", defaults.version());
        assertEquals(Optional.of(URI.create("https://github.com/ory/kratos/releases/download/v26.2.0/" + ARCHIVE)),
                defaults.archiveUrl());
        assertEquals(Optional.of(Path.of("/home/ada/.cache/kratos-flows/kratos/26.2.0/linux-amd64/kratos")),
                defaults.binary());
        assertFalse(defaults.enabled(false));
        assertTrue(defaults.enabled(true));

        KratosDownload mirror = KratosDownload.fromEnvironment(Map.of("XDG_CACHE_HOME", "/var/cache/ci",
                "KRATOS_DOWNLOAD_URL", "https://mirror.example.org/kratos/{version}",
                "KRATOS_DOWNLOAD_VERSION", "v25.4.0", "KRATOS_DOWNLOAD", "false"), Optional.of(LINUX));
        assertEquals(Optional.of(URI.create("https://mirror.example.org/kratos/25.4.0/kratos_25.4.0-linux_sqlite_64bit.tar.gz")),
                mirror.archiveUrl());
        assertEquals(Optional.of(Path.of("/var/cache/ci/kratos-flows/kratos/25.4.0/linux-amd64/kratos")), mirror.binary());
        assertFalse(mirror.enabled(true), "KRATOS_DOWNLOAD=false turns it off");
    }

    @Test
    void unusableSettingsAreRefusedByName() {
        IllegalArgumentException url = assertThrows(IllegalArgumentException.class,
                () -> KratosDownload.fromEnvironment(Map.of("KRATOS_DOWNLOAD_URL", "mirror/kratos")));
        assertTrue(url.getMessage().contains("KRATOS_DOWNLOAD_URL=mirror/kratos"), url.getMessage());
        IllegalArgumentException version = assertThrows(IllegalArgumentException.class,
                () -> KratosDownload.fromEnvironment(Map.of("KRATOS_DOWNLOAD_VERSION", "latest")));
        assertTrue(version.getMessage().contains("KRATOS_DOWNLOAD_VERSION=latest"), version.getMessage());
        IllegalArgumentException onOff = assertThrows(IllegalArgumentException.class,
                () -> KratosDownload.fromEnvironment(Map.of("KRATOS_DOWNLOAD", "maybe")));
        assertTrue(onOff.getMessage().contains("KRATOS_DOWNLOAD=maybe"), onOff.getMessage());
        assertTrue(KratosDownload.fromEnvironment(Map.of(), Optional.of(LINUX)).impossible().orElseThrow()
                .contains("cache folder"));
    }

    @Test
    void aVerifiedDownloadIsUnpackedCachedAndReused() throws Exception {
        byte[] archive = FakeRelease.tarGz(FakeRelease.script(VERSION), "kratos");
        release.release(VERSION, ARCHIVE, archive, archive);
        KratosDownload download = download();
        assertEquals(Optional.empty(), download.cached());

        Path binary = download.fetch(log::println);

        assertEquals(cache.resolve("kratos-flows/kratos/26.2.0/linux-amd64/kratos"), binary);
        assertTrue(Files.isExecutable(binary));
        assertEquals(KratosVersion.parse("v" + VERSION), LocalKratosLauncher.detectVersion(binary));
        assertEquals(List.of(binary), filesInCache(), "only the binary is kept: no archive, no partial folder");
        String printed = logged.toString(StandardCharsets.UTF_8);
        assertTrue(printed.startsWith("Downloading Kratos v26.2.0 (" + ARCHIVE + ") from http://127.0.0.1:"), printed);
        assertTrue(printed.contains("%)"), "progress is shown: " + printed);
        assertTrue(printed.contains("verified (SHA-256 " + FakeRelease.sha256(archive).substring(0, 12)), printed);
        assertEquals(List.of("/releases/v26.2.0/checksums.txt", "/releases/v26.2.0/" + ARCHIVE), release.requests());

        assertEquals(Optional.of(binary), download.cached());
        assertEquals(binary, download().fetch(log::println), "a second run finds the cached binary");
        assertEquals(2, release.requests().size(), "and downloads nothing");
    }

    @Test
    void aWrongChecksumInstallsNothing() throws Exception {
        byte[] archive = FakeRelease.tarGz(FakeRelease.script(VERSION), "kratos");
        release.release(VERSION, ARCHIVE, archive, "another archive".getBytes(StandardCharsets.UTF_8));

        KratosDownloadException e = assertThrows(KratosDownloadException.class, () -> download().fetch(log::println));

        assertEquals(KratosDownloadException.Reason.CHECKSUM_MISMATCH, e.reason());
        assertTrue(e.reason().isIntegrityFailure());
        assertTrue(e.getMessage().contains("SHA-256 of " + ARCHIVE + " is " + FakeRelease.sha256(archive)), e.getMessage());
        assertEquals(List.of(), filesInCache());
        assertEquals(Optional.empty(), download().cached());
    }

    @Test
    void aTruncatedDownloadInstallsNothing() throws Exception {
        byte[] archive = FakeRelease.tarGz(FakeRelease.script(VERSION), "kratos");
        release.release(VERSION, ARCHIVE, archive, archive).truncate(VERSION, ARCHIVE, archive.length / 3);

        KratosDownloadException e = assertThrows(KratosDownloadException.class, () -> download().fetch(log::println));

        assertEquals(KratosDownloadException.Reason.INCOMPLETE, e.reason());
        assertFalse(e.reason().isIntegrityFailure());
        assertTrue(e.getMessage().contains("broke off") || e.getMessage().contains("ended after"), e.getMessage());
        assertEquals(List.of(), filesInCache());
    }

    @Test
    void noNetworkIsOneClearReason() throws Exception {
        KratosDownload offline = download(Map.of(KratosDownload.LOCATION,
                "http://127.0.0.1:" + FakeRelease.closedPort() + "/kratos/"), LINUX);

        KratosDownloadException e = assertThrows(KratosDownloadException.class, () -> offline.fetch(log::println));

        assertEquals(KratosDownloadException.Reason.UNREACHABLE, e.reason());
        assertTrue(e.getMessage().startsWith("cannot fetch http://127.0.0.1:"), e.getMessage());
        assertTrue(e.getMessage().contains("/kratos/checksums.txt"), e.getMessage());
        assertEquals(List.of(), filesInCache());
    }

    @Test
    void aMissingFileOrChecksumEntryIsReportedByName() throws Exception {
        KratosDownloadException nothing = assertThrows(KratosDownloadException.class, () -> download().fetch(log::println));
        assertEquals(KratosDownloadException.Reason.UNREACHABLE, nothing.reason());
        assertTrue(nothing.getMessage().contains("checksums.txt: HTTP 404"), nothing.getMessage());

        release.put(VERSION, KratosDownload.CHECKSUMS, (FakeRelease.sha256(new byte[0]) + "  kratos_26.2.0-linux_64bit.tar.gz\n")
                .getBytes(StandardCharsets.UTF_8));
        KratosDownloadException noEntry = assertThrows(KratosDownloadException.class, () -> download().fetch(log::println));
        assertEquals(KratosDownloadException.Reason.NO_CHECKSUM, noEntry.reason());
        assertTrue(noEntry.getMessage().contains("no SHA-256 for " + ARCHIVE), noEntry.getMessage());
        assertEquals(List.of(), filesInCache());
    }

    @Test
    void anArchiveWithoutKratosIsRefused() throws Exception {
        byte[] archive = FakeRelease.tarGz(FakeRelease.script(VERSION), "not-kratos");
        release.release(VERSION, ARCHIVE, archive, archive);

        KratosDownloadException e = assertThrows(KratosDownloadException.class, () -> download().fetch(log::println));

        assertEquals(KratosDownloadException.Reason.BAD_ARCHIVE, e.reason());
        assertTrue(e.getMessage().contains(ARCHIVE + " holds no kratos"), e.getMessage());
        assertEquals(List.of(), filesInCache());
    }

    @Test
    void windowsArchivesAreZips() throws Exception {
        KratosPlatform windows = new KratosPlatform("windows", "amd64");
        String name = "kratos_26.2.0-windows_sqlite_64bit.zip";
        byte[] archive = FakeRelease.zip("kratos.exe", "MZ not really");
        release.release(VERSION, name, archive, archive);

        Path binary = download(Map.of(), windows).fetch(log::println);

        assertEquals(cache.resolve("kratos-flows/kratos/26.2.0/windows-amd64/kratos.exe"), binary);
        assertEquals("MZ not really", Files.readString(binary));
    }

    @Test
    void aStalePartialFolderIsNeverTakenForTheBinary() throws Exception {
        Path partial = Files.createDirectories(cache.resolve("kratos-flows/kratos/26.2.0/.linux-amd64.partial-123"));
        Files.writeString(partial.resolve("kratos"), "half");
        assertEquals(Optional.empty(), download().cached());
    }
}
