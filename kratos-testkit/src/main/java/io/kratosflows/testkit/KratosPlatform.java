package io.kratosflows.testkit;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An operating system and CPU as Kratos's release archives name them. The archives are made by
 * GoReleaser from Ory's shared template ({@code ory/xgoreleaser}, {@code build.tmpl.yml}): the name
 * is {@code kratos_<version>-<os>_sqlite_<arch>}, with {@code darwin} written {@code macOS} and
 * {@code amd64} written {@code 64bit}; Windows archives are zips. The kit takes the SQLite build,
 * since its configuration keeps everything in an in-memory SQLite database ({@code dsn: memory});
 * Kratos's default archives ({@code kratos_<version>-<os>_<arch>}) are built without SQLite.
 *
 * @param os   the Go name of the system: {@code linux}, {@code darwin} or {@code windows}
 * @param arch the Go name of the CPU: {@code amd64} or {@code arm64}
 */
record KratosPlatform(String os, String arch) {

    KratosPlatform {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(arch, "arch");
    }

    /** The platform of the running JVM, when Kratos publishes an SQLite build for it. */
    static Optional<KratosPlatform> current() {
        return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /** The platform for Java's {@code os.name} and {@code os.arch}, when Kratos publishes an SQLite build for it. */
    static Optional<KratosPlatform> of(String osName, String osArch) {
        String name = osName.toLowerCase(Locale.ROOT);
        String os = name.startsWith("linux") ? "linux"
                : name.startsWith("mac") || name.startsWith("darwin") ? "darwin"
                : name.startsWith("windows") ? "windows" : null;
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> null;
        };
        // Windows on ARM has no SQLite build.
        if (os == null || arch == null || (os.equals("windows") && !arch.equals("amd64"))) {
            return Optional.empty();
        }
        return Optional.of(new KratosPlatform(os, arch));
    }

    /** {@return the release archive's file name, e.g. {@code kratos_26.2.0-linux_sqlite_64bit.tar.gz}} */
    String archiveName(String version) {
        String osPart = os.equals("darwin") ? "macOS" : os;
        String archPart = arch.equals("amd64") ? "64bit" : arch;
        return "kratos_" + version + "-" + osPart + "_sqlite_" + archPart + (isWindows() ? ".zip" : ".tar.gz");
    }

    /** {@return the binary's name inside the archive} */
    String binaryName() {
        return isWindows() ? "kratos.exe" : "kratos";
    }

    /** {@return the cache folder's name, e.g. {@code linux-amd64}} */
    String folderName() {
        return os + "-" + arch;
    }

    boolean isWindows() {
        return os.equals("windows");
    }
}
