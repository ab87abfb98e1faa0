package io.kratosflows.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kratosflows.SessionToken;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Token files are owner-only from their first byte, overwrite safely, read back trimmed, and are
 * safe in a folder other users can reach: no symbolic links, no folder others may write to
 * (unless sticky), no file planted by someone else, no fixed temporary name to block writes.
 */
class TokenFilesTest {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    @TempDir
    Path dir;

    private static void assumePosix() {
        if (!POSIX) {
            System.err.println("SKIPPED: not a POSIX file system; token file modes are the folder's");
        }
        assumeTrue(POSIX, "SKIPPED: not a POSIX file system");
    }

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

    @Test
    void aFilePlantedAtATemporaryNameDoesNotBlockTheWrite() throws Exception {
        Path file = dir.resolve("token");
        // What an earlier version used as its temporary file, occupied so that it cannot be removed.
        Path planted = Files.createDirectories(dir.resolve(".token.tmp").resolve("occupied"));
        TokenFiles.write(file, SessionToken.of("ory_st_abc"));
        assertEquals(SessionToken.of("ory_st_abc"), TokenFiles.readToken(file));
        assertTrue(Files.exists(planted), "what others left is left alone");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(".token.tmp", "token"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary file of ours is left behind");
        }
    }

    @Test
    void aSymbolicLinkIsNeitherReadNorWritten() throws Exception {
        assumePosix();
        Path elsewhere = Files.writeString(dir.resolve("someone-elses-token"), "ory_st_planted\n");
        Path link = Files.createSymbolicLink(dir.resolve("token"), elsewhere);

        CliException read = assertThrows(CliException.class, () -> TokenFiles.readToken(link));
        CliException write = assertThrows(CliException.class, () -> TokenFiles.write(link, SessionToken.of("ory_st_mine")));

        assertEquals(ExitCode.INVALID_INPUT, read.exitCode());
        assertTrue(read.getMessage().contains("symbolic link"), read.getMessage());
        assertEquals(ExitCode.INVALID_INPUT, write.exitCode());
        assertTrue(write.getMessage().contains("symbolic link"), write.getMessage());
        assertEquals("ory_st_planted\n", Files.readString(elsewhere), "the link's target is untouched");
        assertFalse(write.getMessage().contains("ory_st_"), "no token in the message");
    }

    @Test
    void aFolderOthersCanWriteToIsRefusedUnlessSticky() throws Exception {
        assumePosix();
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path groupShared = Files.createDirectory(dir.resolve("group"));
        Files.setPosixFilePermissions(groupShared, PosixFilePermissions.fromString("rwxrwx---"));
        Path sticky = Files.createDirectory(dir.resolve("sticky"));
        Files.setAttribute(sticky, "unix:mode", 01777);

        for (Path folder : List.of(shared, groupShared)) {
            CliException refused = assertThrows(CliException.class,
                    () -> TokenFiles.write(folder.resolve("token"), SessionToken.of("ory_st_abc")));
            assertEquals(ExitCode.INVALID_INPUT, refused.exitCode());
            assertTrue(refused.getMessage().contains("writable by other users"), refused.getMessage());
            assertFalse(Files.exists(folder.resolve("token")));
        }
        TokenFiles.write(sticky.resolve("token"), SessionToken.of("ory_st_abc"));
        assertEquals(SessionToken.of("ory_st_abc"), TokenFiles.readToken(sticky.resolve("token")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(sticky.resolve("token"))));
    }

    @Test
    void aMissingFolderIsCreatedOwnerOnly() throws Exception {
        assumePosix();
        Path file = dir.resolve("state/kratos-flows/tokens/default");
        TokenFiles.write(file, SessionToken.of("ory_st_abc"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    }

    @Test
    void aFileOfAnotherUserIsNotRead() throws Exception {
        assumePosix();
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root) {
            System.err.println("SKIPPED: giving a file to another user needs root");
        }
        assumeTrue(root, "SKIPPED: giving a file to another user needs root");
        Path file = Files.writeString(dir.resolve("token"), "ory_st_planted\n");
        Files.setOwner(file, FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        CliException refused = assertThrows(CliException.class, () -> TokenFiles.readToken(file));
        assertEquals(ExitCode.INVALID_INPUT, refused.exitCode());
        assertTrue(refused.getMessage().contains("belongs to nobody"), refused.getMessage());
    }
}
