package io.kratosflows.cli;

import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Session tokens (and other secrets) on disk, safe in a folder other users can reach.
 *
 * <p>Writing: the folder (created owner-only when missing) must not be writable by group or others
 * unless it is sticky like {@code /tmp} (there others cannot rename or delete our files); the
 * target must not be a symbolic link or anything but a regular file. The value goes to a
 * temporary file with a random name, owner-only ({@code 0600}) from its first byte, which is then
 * renamed over the target: a reader sees the old token or the new one, never a part or a
 * world-readable copy, and a file planted at some fixed temporary name cannot block the write.
 *
 * <p>Reading: the file must be a regular file (not a symbolic link, opened with
 * {@code O_NOFOLLOW}) owned by the current user. No path or message here ever shows the value.
 */
final class TokenFiles {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final int MAX_BYTES = 64 * 1024;

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
            createFolder(dir);
            checkFolder(file, dir);
            checkTarget(file, target);
            Path temp = createOwnerOnly(dir, target.getFileName().toString());
            try {
                Files.write(temp, (value + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS);
                try {
                    // rename(2): replaces the target (even a symbolic link swapped in meanwhile) and never follows it
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw CliException.invalidInput("cannot write the token file " + file + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    private static void createFolder(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
        } catch (UnsupportedOperationException notPosix) {
            Files.createDirectories(dir);
        }
    }

    /** Others must not be able to replace files in the folder: not group/world-writable, unless sticky. */
    private static void checkFolder(Path file, Path dir) throws IOException {
        Optional<PosixFileAttributes> attributes = posix(dir, false);
        if (attributes.isEmpty()) {
            return; // not POSIX (Windows): the folder's access rules apply
        }
        Set<PosixFilePermission> p = attributes.get().permissions();
        boolean othersWrite = p.contains(PosixFilePermission.GROUP_WRITE) || p.contains(PosixFilePermission.OTHERS_WRITE);
        if (othersWrite && !sticky(dir)) {
            throw CliException.invalidInput("refusing to write the token file " + file + ": its folder " + dir
                    + " is writable by other users (" + PosixFilePermissions.toString(p) + "), who could replace the file;"
                    + " use a folder of your own or 'chmod go-w " + dir + "'");
        }
    }

    private static void checkTarget(Path file, Path target) throws IOException {
        Optional<PosixFileAttributes> attributes = posix(target, true);
        if (attributes.isPresent() && attributes.get().isSymbolicLink()) {
            throw CliException.invalidInput("refusing to write the token file " + file
                    + ": it is a symbolic link (name the file itself, or remove the link)");
        }
        if (attributes.isPresent() && !attributes.get().isRegularFile()) {
            throw CliException.invalidInput("refusing to write the token file " + file + ": it is not a regular file");
        }
    }

    private static Path createOwnerOnly(Path dir, String name) throws IOException {
        String prefix = "." + name + ".";
        try {
            return Files.createTempFile(dir, prefix, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            // Not a POSIX file system (Windows): the file inherits the folder's access rules.
            return Files.createTempFile(dir, prefix, ".tmp");
        }
    }

    static SessionToken readToken(Path file) {
        String value;
        try {
            value = read(file);
        } catch (NoSuchFileException e) {
            throw CliException.authFailed("not signed in: the token file " + file
                    + " does not exist (write it with 'kratos-flows login --token-file " + file + "')");
        } catch (IOException e) {
            throw CliException.invalidInput("cannot read the token file " + file + ": " + e.getClass().getSimpleName());
        }
        if (value.isEmpty()) {
            throw CliException.authFailed("not signed in: the token file " + file + " is empty");
        }
        return SessionToken.of(value);
    }

    static Secret readSecret(Path file, String what) {
        try {
            String value = read(file);
            if (value.isEmpty()) {
                throw CliException.invalidInput(what + " file " + file + " is empty");
            }
            return Secret.of(value);
        } catch (IOException e) {
            throw CliException.invalidInput("cannot read the " + what + " file " + file + ": "
                    + e.getClass().getSimpleName());
        }
    }

    /** The file's text, trimmed: a regular file of ours, not followed through a link. */
    private static String read(Path file) throws IOException {
        Optional<PosixFileAttributes> attributes = posix(file, true);
        if (attributes.isPresent()) {
            if (attributes.get().isSymbolicLink()) {
                throw CliException.invalidInput("refusing to read " + file + ": it is a symbolic link (name the file itself)");
            }
            if (!attributes.get().isRegularFile()) {
                throw CliException.invalidInput("refusing to read " + file + ": it is not a regular file");
            }
            String owner = attributes.get().owner().getName();
            String me = System.getProperty("user.name");
            if (me != null && !owner.equals(me)) {
                throw CliException.invalidInput("refusing to read " + file + ": it belongs to " + owner + ", not to " + me);
            }
        }
        try (SeekableByteChannel channel = Files.newByteChannel(file, Set.of(StandardOpenOption.READ,
                LinkOption.NOFOLLOW_LINKS))) {
            if (channel.size() > MAX_BYTES) {
                throw CliException.invalidInput("refusing to read " + file + ": " + channel.size()
                        + " bytes is no token (at most " + MAX_BYTES + ")");
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) channel.size());
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // read it all
            }
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).trim();
        }
    }

    /** The file's POSIX attributes ({@code noFollow}: of a link itself); empty when absent or not POSIX. */
    private static Optional<PosixFileAttributes> posix(Path path, boolean noFollow) throws IOException {
        try {
            return Optional.of(noFollow ? Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    : Files.readAttributes(path, PosixFileAttributes.class));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (UnsupportedOperationException notPosix) {
            return Optional.empty();
        }
    }

    private static boolean sticky(Path dir) {
        try {
            Object mode = Files.getAttribute(dir, "unix:mode");
            return mode instanceof Integer m && (m & 01000) != 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether group or others may read the file (a warning, not an error: the user owns it). */
    static boolean readableByOthers(Path file) {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            return p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
