package io.kratosflows.cli;

import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Session tokens (and other secrets) on disk: written owner-only ({@code 0600}) from the first byte
 * — a temporary file created with those permissions, then moved over the target — and read back
 * trimmed. No path or message here ever shows the value.
 */
final class TokenFiles {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private TokenFiles() {
    }

    static void write(Path file, SessionToken token) {
        writeSecret(file, token.reveal());
    }

    static void write(Path file, Secret secret) {
        writeSecret(file, secret.reveal());
    }

    private static void writeSecret(Path file, String value) {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        try {
            Files.createDirectories(dir);
            Path temp = createOwnerOnly(dir, target.getFileName() + ".tmp");
            try {
                Files.writeString(temp, value + "\n", StandardCharsets.UTF_8);
                try {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new CliException(ExitCode.INVALID_INPUT, "cannot write the token file " + file + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
    }

    private static Path createOwnerOnly(Path dir, String name) throws IOException {
        Path temp = dir.resolve("." + name);
        Files.deleteIfExists(temp);
        try {
            return Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            // Not a POSIX file system (Windows): the file inherits the folder's access rules.
            return Files.createFile(temp);
        } catch (FileAlreadyExistsException race) {
            throw new IOException("another process is writing " + temp, race);
        }
    }

    static SessionToken readToken(Path file) {
        String value;
        try {
            value = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (NoSuchFileException e) {
            throw CliException.authFailed("not signed in: the token file " + file
                    + " does not exist (write it with 'kratos-flows login --token-file " + file + "')");
        } catch (IOException e) {
            throw new CliException(ExitCode.INVALID_INPUT, "cannot read the token file " + file + ": "
                    + e.getClass().getSimpleName(), e);
        }
        if (value.isEmpty()) {
            throw CliException.authFailed("not signed in: the token file " + file + " is empty");
        }
        return SessionToken.of(value);
    }

    static Secret readSecret(Path file, String what) {
        try {
            String value = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (value.isEmpty()) {
                throw CliException.invalidInput(what + " file " + file + " is empty");
            }
            return Secret.of(value);
        } catch (IOException e) {
            throw CliException.invalidInput("cannot read the " + what + " file " + file + ": "
                    + e.getClass().getSimpleName());
        }
    }

    /** Whether group or others may read the file (a warning, not an error: the user owns it). */
    static boolean readableByOthers(Path file) {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            return p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
