package io.kratosflows.testkit;

import java.util.Objects;

/**
 * A Kratos release could not be downloaded into the cache, with the {@link Reason} and a message
 * that names the file and the address it was fetched from. Nothing is left in the cache when this
 * is thrown.
 */
public final class KratosDownloadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the download failed. */
    public enum Reason {
        /** Kratos publishes no SQLite build for this operating system and CPU. */
        UNSUPPORTED_PLATFORM,
        /** The address could not be reached, or answered with an error status. */
        UNREACHABLE,
        /** The connection ended before the whole file arrived. */
        INCOMPLETE,
        /** The release's {@code checksums.txt} has no SHA-256 for the archive. */
        NO_CHECKSUM,
        /** The archive's SHA-256 is not the one the release publishes. */
        CHECKSUM_MISMATCH,
        /** The archive (checksum verified) holds no Kratos binary or cannot be read. */
        BAD_ARCHIVE,
        /** The cache folder cannot be written. */
        CACHE_NOT_WRITABLE;

        /**
         * {@return whether the downloaded bytes are not what the release publishes} A transfer
         * problem can go away; this points at a wrong download address or a tampered file.
         */
        public boolean isIntegrityFailure() {
            return this == CHECKSUM_MISMATCH || this == BAD_ARCHIVE;
        }
    }

    private final Reason reason;

    KratosDownloadException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    KratosDownloadException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** {@return why the download failed} */
    public Reason reason() {
        return reason;
    }
}
