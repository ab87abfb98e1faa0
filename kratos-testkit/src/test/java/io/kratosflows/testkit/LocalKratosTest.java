package io.kratosflows.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@link LocalKratos#find} picks a binary: KRATOS_BIN, then PATH, never a running server's URL. */
class LocalKratosTest {

    @TempDir
    Path dir;

    private Path executable(String name) throws Exception {
        Path file = Files.createFile(dir.resolve(name),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        return file;
    }

    @Test
    void prefersKratosBin() throws Exception {
        Path bin = executable("my-kratos");
        executable("kratos");
        assertEquals(Optional.of(bin.toAbsolutePath()),
                LocalKratos.find(Map.of("KRATOS_BIN", bin.toString(), "PATH", dir.toString())));
    }

    @Test
    void fallsBackToPath() throws Exception {
        Path onPath = executable("kratos");
        assertEquals(Optional.of(onPath.toAbsolutePath()), LocalKratos.find(Map.of("PATH", dir.toString())));
    }

    @Test
    void ignoresRunningServerUrls() throws Exception {
        Path onPath = executable("kratos");
        assertEquals(Optional.of(onPath.toAbsolutePath()), LocalKratos.find(Map.of(
                "KRATOS_PUBLIC_URL", "http://127.0.0.1:4433", "PATH", dir.toString())));
    }

    @Test
    void emptyWithoutBinary() {
        assertTrue(LocalKratos.find(Map.of("PATH", dir.toString())).isEmpty());
    }

    @Test
    void unusableKratosBinIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LocalKratos.find(Map.of("KRATOS_BIN", dir.resolve("missing").toString())));
        assertTrue(e.getMessage().contains("KRATOS_BIN"), e.getMessage());
    }

    @Test
    void optionsRejectNonPositiveTimeout() {
        LocalKratos.Options options = LocalKratos.Options.of(Path.of("kratos"), dir);
        assertEquals(Duration.ofSeconds(30), options.startupTimeout());
        assertThrows(IllegalArgumentException.class, () -> options.withStartupTimeout(Duration.ZERO));
    }
}
