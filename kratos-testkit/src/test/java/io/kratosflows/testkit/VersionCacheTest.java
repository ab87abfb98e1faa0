package io.kratosflows.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JVM asks a binary for its version once, and again only when the file changes. */
class VersionCacheTest {

    @TempDir
    Path dir;

    private Path fakeKratos(String version, Path calls) throws Exception {
        Path bin = dir.resolve("kratos");
        Files.deleteIfExists(bin);
        Files.writeString(Files.createFile(bin,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x"))),
                "#!/bin/sh\necho x >> '" + calls + "'\necho 'Version:\t\t\t" + version + "'\n");
        return bin;
    }

    private static long lines(Path file) throws Exception {
        return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    }

    @Test
    void asksOncePerBinaryFile() throws Exception {
        Path calls = dir.resolve("calls");
        Path bin = fakeKratos("v26.2.0", calls);

        assertEquals(KratosVersion.parse("v26.2.0"), LocalKratosLauncher.cachedVersion(bin));
        assertEquals(KratosVersion.parse("v26.2.0"), LocalKratosLauncher.cachedVersion(bin));
        assertEquals(1, lines(calls));

        // Another binary at the same path (other content, other time): asked again.
        fakeKratos("v25.4.0", calls);
        Files.setLastModifiedTime(bin, FileTime.from(Instant.now().plusSeconds(60)));
        assertEquals(KratosVersion.parse("v25.4.0"), LocalKratosLauncher.cachedVersion(bin));
        assertEquals(2, lines(calls));
    }
}
