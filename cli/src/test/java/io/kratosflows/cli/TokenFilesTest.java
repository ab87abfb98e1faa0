package io.kratosflows.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.SessionToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Token files are owner-only from their first byte, overwrite safely and read back trimmed. */
class TokenFilesTest {

    @TempDir
    Path dir;

    @Test
    void newFileIsMode0600() throws Exception {
        Path file = dir.resolve("sub/token");
        TokenFiles.write(file, SessionToken.of("ory_st_abc"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("ory_st_abc\n", Files.readString(file));
        assertEquals(SessionToken.of("ory_st_abc"), TokenFiles.readToken(file));
        assertFalse(TokenFiles.readableByOthers(file));
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void overwritingAWorldReadableFileMakesIt0600() throws Exception {
        Path file = Files.createFile(dir.resolve("token"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        assertTrue(TokenFiles.readableByOthers(file));
        TokenFiles.write(file, SessionToken.of("ory_st_new"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(SessionToken.of("ory_st_new"), TokenFiles.readToken(file));
    }

    @Test
    void missingOrEmptyFileMeansNotSignedIn() throws Exception {
        CliException missing = assertThrows(CliException.class, () -> TokenFiles.readToken(dir.resolve("none")));
        assertEquals(ExitCode.AUTH_FAILED, missing.exitCode());
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertEquals(ExitCode.AUTH_FAILED, assertThrows(CliException.class, () -> TokenFiles.readToken(empty)).exitCode());
    }
}
