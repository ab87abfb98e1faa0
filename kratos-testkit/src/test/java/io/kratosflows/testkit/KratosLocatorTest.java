package io.kratosflows.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KratosLocatorTest {

    private static final Path ON_PATH = Path.of("/opt/kratos/bin/kratos");
    private static final Path FROM_ENV = Path.of("/srv/kratos-26/kratos");

    /** A file system where only {@code executables} exist and are executable. */
    private static KratosResolution resolve(Map<String, String> env, Path... executables) {
        Set<Path> present = Set.of(executables);
        return new KratosLocator(env, present::contains).resolve();
    }

    @Test
    void nothingFoundGivesTheDocumentedSkipLine() {
        KratosResolution r = resolve(Map.of("PATH", "/usr/bin:/bin"));
        KratosResolution.NotFound notFound = assertInstanceOf(KratosResolution.NotFound.class, r);
        assertEquals("SKIPPED (no Kratos): set KRATOS_BIN to a Kratos binary, put kratos on PATH,"
                + " set KRATOS_PUBLIC_URL/KRATOS_ADMIN_URL, or set KRATOS_DOWNLOAD=true to let the kit"
                + " download Kratos", notFound.reason());
        assertInstanceOf(KratosResolution.NotFound.class, resolve(Map.of()));
    }

    @Test
    void findsKratosOnPath() {
        KratosResolution r = resolve(Map.of("PATH", "/usr/bin::/opt/kratos/bin:/bin"), ON_PATH);
        KratosResolution.Binary binary = assertInstanceOf(KratosResolution.Binary.class, r);
        assertEquals(ON_PATH, binary.binary());
        assertEquals("PATH", binary.origin());
    }

    @Test
    void kratosBinWinsOverPath() {
        KratosResolution r = resolve(Map.of("PATH", "/opt/kratos/bin", "KRATOS_BIN", FROM_ENV.toString()),
                ON_PATH, FROM_ENV);
        KratosResolution.Binary binary = assertInstanceOf(KratosResolution.Binary.class, r);
        assertEquals(FROM_ENV, binary.binary());
        assertEquals("KRATOS_BIN", binary.origin());
    }

    @Test
    void runningServerWinsOverEverything() {
        KratosResolution r = resolve(Map.of(
                "KRATOS_PUBLIC_URL", "http://127.0.0.1:4433",
                "KRATOS_ADMIN_URL", " http://127.0.0.1:4434/ ",
                "KRATOS_BIN", FROM_ENV.toString(),
                "PATH", "/opt/kratos/bin"), ON_PATH, FROM_ENV);
        KratosResolution.External external = assertInstanceOf(KratosResolution.External.class, r);
        assertEquals(URI.create("http://127.0.0.1:4433"), external.publicUrl());
        assertEquals(URI.create("http://127.0.0.1:4434/"), external.adminUrl());
    }

    @Test
    void blankValuesCountAsUnset() {
        KratosResolution r = resolve(Map.of("KRATOS_PUBLIC_URL", " ", "KRATOS_ADMIN_URL", "",
                "KRATOS_BIN", "", "PATH", "/opt/kratos/bin"), ON_PATH);
        assertInstanceOf(KratosResolution.Binary.class, r);
    }

    @Test
    void aCachedDownloadComesAfterPath() {
        Map<String, String> env = Map.of("HOME", "/home/ada", "PATH", "/usr/bin");
        Path cached = KratosDownload.fromEnvironment(env).binary().orElseThrow();
        KratosResolution r = resolve(env, cached);
        KratosResolution.Binary binary = assertInstanceOf(KratosResolution.Binary.class, r);
        assertEquals(cached, binary.binary());
        assertEquals("cache", binary.origin());

        KratosResolution onPath = resolve(Map.of("HOME", "/home/ada", "PATH", "/opt/kratos/bin"), cached, ON_PATH);
        assertEquals(ON_PATH, assertInstanceOf(KratosResolution.Binary.class, onPath).binary());
    }

    @Test
    void downloadingIsOptIn() {
        assertInstanceOf(KratosResolution.NotFound.class, resolve(Map.of("HOME", "/home/ada")));
        KratosResolution r = resolve(Map.of("HOME", "/home/ada", "KRATOS_DOWNLOAD", "true"));
        KratosResolution.Download download = assertInstanceOf(KratosResolution.Download.class, r);
        assertEquals(KratosDownload.DEFAULT_VERSION, download.download().version());

        KratosResolution noCache = resolve(Map.of("KRATOS_DOWNLOAD", "true"));
        assertTrue(assertInstanceOf(KratosResolution.NotFound.class, noCache).reason()
                .startsWith("SKIPPED (no Kratos): KRATOS_DOWNLOAD is on, but there is no cache folder"));
        KratosResolution bad = resolve(Map.of("HOME", "/home/ada", "KRATOS_DOWNLOAD", "sometimes"));
        assertTrue(assertInstanceOf(KratosResolution.Misconfigured.class, bad).reason()
                .contains("KRATOS_DOWNLOAD=sometimes"));
    }

    @Test
    void presentButUnusableSettingsAreMisconfigurations() {
        KratosResolution onlyOne = resolve(Map.of("KRATOS_PUBLIC_URL", "http://127.0.0.1:4433"));
        assertTrue(assertInstanceOf(KratosResolution.Misconfigured.class, onlyOne).reason()
                .contains("KRATOS_ADMIN_URL"));

        KratosResolution notHttp = resolve(Map.of("KRATOS_PUBLIC_URL", "127.0.0.1:4433",
                "KRATOS_ADMIN_URL", "ftp://127.0.0.1:4434"));
        assertInstanceOf(KratosResolution.Misconfigured.class, notHttp);

        KratosResolution badBin = resolve(Map.of("KRATOS_BIN", "/nowhere/kratos",
                "PATH", "/opt/kratos/bin"), ON_PATH);
        assertTrue(assertInstanceOf(KratosResolution.Misconfigured.class, badBin).reason()
                .contains("/nowhere/kratos"));
    }
}
