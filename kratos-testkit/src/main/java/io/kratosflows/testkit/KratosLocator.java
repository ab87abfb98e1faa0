package io.kratosflows.testkit;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Decides which Kratos the tests use, from an environment map (injectable, so the decision is
 * unit-tested): {@code KRATOS_PUBLIC_URL} + {@code KRATOS_ADMIN_URL} (a running server), else
 * {@code KRATOS_BIN} (a binary), else {@code kratos} on {@code PATH}, else the release the kit
 * downloaded before ({@link KratosDownload#cached()}), else that release to download when
 * {@code KRATOS_DOWNLOAD=true}, else nothing.
 */
final class KratosLocator {

    static final String PUBLIC_URL = "KRATOS_PUBLIC_URL";
    static final String ADMIN_URL = "KRATOS_ADMIN_URL";
    static final String BIN = "KRATOS_BIN";

    /** The one line printed (and reported) when the live tests are skipped for want of Kratos. */
    static final String NOT_FOUND_REASON = "SKIPPED (no Kratos): set KRATOS_BIN to a Kratos binary,"
            + " put kratos on PATH, set KRATOS_PUBLIC_URL/KRATOS_ADMIN_URL, or set KRATOS_DOWNLOAD=true"
            + " to let the kit download Kratos";

    private final Map<String, String> env;
    private final Predicate<Path> isExecutable;
    private final Supplier<KratosDownload> download;

    KratosLocator(Map<String, String> env, Predicate<Path> isExecutable) {
        this(env, isExecutable, () -> KratosDownload.fromEnvironment(env));
    }

    KratosLocator(Map<String, String> env, Predicate<Path> isExecutable, Supplier<KratosDownload> download) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
        this.isExecutable = Objects.requireNonNull(isExecutable, "isExecutable");
        this.download = Objects.requireNonNull(download, "download");
    }

    /** A locator over an environment map (and nothing else) and the real file system. */
    static KratosLocator of(Map<String, String> env) {
        return new KratosLocator(env, KratosLocator::executable);
    }

    /** A locator over this process: its environment, system properties and file system. */
    static KratosLocator ofSystem() {
        return new KratosLocator(System.getenv(), KratosLocator::executable, KratosDownload::fromSystem);
    }

    private static boolean executable(Path p) {
        return Files.isRegularFile(p) && Files.isExecutable(p);
    }

    KratosResolution resolve() {
        Optional<String> publicUrl = value(PUBLIC_URL);
        Optional<String> adminUrl = value(ADMIN_URL);
        if (publicUrl.isPresent() || adminUrl.isPresent()) {
            return external(publicUrl, adminUrl);
        }
        Optional<String> bin = value(BIN);
        if (bin.isPresent()) {
            return binaryFromEnv(bin.get());
        }
        Optional<Path> onPath = onPath();
        if (onPath.isPresent()) {
            return new KratosResolution.Binary(onPath.get(), "PATH");
        }
        return downloaded();
    }

    /** The cached release, or the release to download when the switch is on (the kit's default is off). */
    private KratosResolution downloaded() {
        KratosDownload release;
        try {
            release = download.get();
        } catch (IllegalArgumentException e) {
            return new KratosResolution.Misconfigured(e.getMessage());
        }
        Optional<Path> cached = release.binary().filter(isExecutable);
        if (cached.isPresent()) {
            return new KratosResolution.Binary(cached.get(), "cache");
        }
        if (!release.enabled(false)) {
            return new KratosResolution.NotFound(NOT_FOUND_REASON);
        }
        return release.impossible().<KratosResolution>map(why -> new KratosResolution.NotFound(
                "SKIPPED (no Kratos): " + KratosDownload.SWITCH + " is on, but " + why))
                .orElseGet(() -> new KratosResolution.Download(release));
    }

    private KratosResolution external(Optional<String> publicUrl, Optional<String> adminUrl) {
        if (publicUrl.isEmpty() || adminUrl.isEmpty()) {
            return new KratosResolution.Misconfigured("set both " + PUBLIC_URL + " and " + ADMIN_URL
                    + " to use a running Kratos (only " + (publicUrl.isPresent() ? PUBLIC_URL : ADMIN_URL)
                    + " is set)");
        }
        Optional<URI> p = httpUri(publicUrl.get());
        Optional<URI> a = httpUri(adminUrl.get());
        if (p.isEmpty() || a.isEmpty()) {
            return new KratosResolution.Misconfigured(PUBLIC_URL + " and " + ADMIN_URL
                    + " must be absolute http(s) URLs, got '" + publicUrl.get() + "' and '"
                    + adminUrl.get() + "'");
        }
        return new KratosResolution.External(p.get(), a.get());
    }

    private KratosResolution binaryFromEnv(String value) {
        try {
            Path path = Path.of(value);
            if (isExecutable.test(path)) {
                return new KratosResolution.Binary(path.toAbsolutePath(), BIN);
            }
        } catch (InvalidPathException e) {
            // reported below like any other unusable value
        }
        return new KratosResolution.Misconfigured(BIN + "=" + value
                + " is not an executable file; point it at a Kratos binary or unset it");
    }

    private Optional<Path> onPath() {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue; // an empty PATH entry means "current directory"; not a place for Kratos
            }
            try {
                Path candidate = Path.of(dir, "kratos");
                if (isExecutable.test(candidate)) {
                    return Optional.of(candidate.toAbsolutePath());
                }
            } catch (InvalidPathException ignored) {
                // a malformed PATH entry cannot hold Kratos
            }
        }
        return Optional.empty();
    }

    private Optional<String> value(String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static Optional<URI> httpUri(String value) {
        try {
            URI uri = new URI(value);
            boolean http = "http".equalsIgnoreCase(uri.getScheme())
                    || "https".equalsIgnoreCase(uri.getScheme());
            return http && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
