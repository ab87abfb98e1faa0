package io.kratosflows.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The kit provisions Kratos itself: with nothing on {@code PATH} and {@code KRATOS_DOWNLOAD=true}
 * it downloads the release from a loopback "release page", verifies it, caches it and starts it.
 * The archive is made here; its {@code kratos} is a two-line script that runs the Kratos installed
 * on this machine, so the test needs one (and is skipped with the kit's line without it).
 */
class KratosServerDownloadIT {

    private static final Path CACHE = tempDir();
    private static final FakeRelease RELEASE = FakeRelease.start();

    @RegisterExtension
    static final KratosServer kratos = KratosServer.builder().name("downloaded")
            .environment(environment()).build();

    private static Map<String, String> environment() {
        Optional<Path> installed = LocalKratos.find(System.getenv());
        if (installed.isEmpty()) {
            return Map.of("PATH", "");
        }
        String version = KratosDownload.DEFAULT_VERSION;
        String name = KratosPlatform.current().orElseThrow().archiveName(version);
        byte[] archive = FakeRelease.tarGz("#!/bin/sh\nexec '" + installed.get() + "' \"$@\"\n", "kratos");
        RELEASE.release(version, name, archive, archive);
        return Map.of("PATH", "", "XDG_CACHE_HOME", CACHE.toString(), "KRATOS_DOWNLOAD", "true",
                "KRATOS_DOWNLOAD_URL", RELEASE.url());
    }

    @AfterAll
    static void stop() throws IOException {
        RELEASE.close();
        try (var files = Files.walk(CACHE)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void startsTheDownloadedKratos() throws Exception {
        Path cached = CACHE.resolve("kratos-flows/kratos/" + KratosDownload.DEFAULT_VERSION + "/"
                + KratosPlatform.current().orElseThrow().folderName() + "/kratos");
        assertTrue(Files.isExecutable(cached), cached + " is cached");
        assertEquals(2, RELEASE.requests().size(), "checksums.txt and the archive, once: " + RELEASE.requests());
        HttpResponse<Void> ready = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(kratos.publicUrl().resolve("health/ready")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(200, ready.statusCode());
        assertEquals(InstalledKratos.version(), kratos.version());
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("kratos-testkit-download-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
