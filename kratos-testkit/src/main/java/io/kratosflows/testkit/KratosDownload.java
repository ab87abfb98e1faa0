package io.kratosflows.testkit;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * The official Kratos release the kit fetches when no Kratos is installed: the SQLite build of a
 * pinned version (default {@value #DEFAULT_VERSION}) for this operating system and CPU (see
 * {@link KratosPlatform}), checked against the SHA-256 the release publishes in its
 * {@code checksums.txt} before it is unpacked into a per-user cache, where later runs find it:
 * {@code ${XDG_CACHE_HOME:-~/.cache}/kratos-flows/kratos/<version>/<os>-<arch>/kratos}.
 *
 * <p>Settings, each an environment variable or (for {@link #fromSystem()}) a system property,
 * which wins:
 * <ul>
 * <li>{@code KRATOS_DOWNLOAD} / {@code kratos.download}: {@code true} or {@code false}, whether to
 *     download at all ({@link #enabled(boolean)}: the test kit downloads only when it is
 *     {@code true}, {@code kratos-flows demo} unless it is {@code false});</li>
 * <li>{@code KRATOS_DOWNLOAD_VERSION} / {@code kratos.download.version}: another release, e.g.
 *     {@code 25.4.0};</li>
 * <li>{@code KRATOS_DOWNLOAD_URL} / {@code kratos.download.url}: the folder holding the release's
 *     archives and {@code checksums.txt}, e.g. an internal mirror; {@code {version}} in it stands
 *     for the version. The default is Kratos's own release page, {@value #DEFAULT_LOCATION}.</li>
 * </ul>
 *
 * <p>The archive is written into a temporary folder beside its final place, verified, unpacked and
 * then moved into place in one step, so the cache never holds a partial download, and two
 * processes fetching at once both end with the same complete copy.
 */
public final class KratosDownload {

    /** The Kratos release fetched unless {@code KRATOS_DOWNLOAD_VERSION} names another. */
    public static final String DEFAULT_VERSION = "26.2.0";
    /** Where releases are fetched from unless {@code KRATOS_DOWNLOAD_URL} names another folder. */
    public static final String DEFAULT_LOCATION = "https://github.com/ory/kratos/releases/download/v{version}/";

    static final String SWITCH = "KRATOS_DOWNLOAD";
    static final String LOCATION = "KRATOS_DOWNLOAD_URL";
    static final String VERSION = "KRATOS_DOWNLOAD_VERSION";
    static final String CHECKSUMS = "checksums.txt";

    /** Larger than any Kratos archive (about 60 MB today): a bigger answer is not one. */
    private static final long MAX_ARCHIVE_BYTES = 1L << 30;
    private static final int MAX_CHECKSUMS_BYTES = 1 << 20;
    private static final Duration STALE_STAGING = Duration.ofHours(6);
    private static final Pattern CHECKSUM_LINE = Pattern.compile("([0-9a-fA-F]{64})\\s+\\*?(\\S+)");
    private static final Pattern PLAIN_VERSION = Pattern.compile("[0-9]+\\.[0-9]+\\.[0-9]+[0-9A-Za-z.+-]*");
    /** One download at a time in this JVM; other processes are handled by the atomic move. */
    private static final Object LOCK = new Object();

    private final String version;
    private final String location;
    private final Optional<Boolean> switchValue;
    private final Optional<Path> cacheRoot;
    private final Optional<KratosPlatform> platform;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration progressInterval;

    private KratosDownload(String version, String location, Optional<Boolean> switchValue,
            Optional<Path> cacheRoot, Optional<KratosPlatform> platform, Duration connectTimeout,
            Duration readTimeout, Duration progressInterval) {
        this.version = version;
        this.location = location;
        this.switchValue = switchValue;
        this.cacheRoot = cacheRoot;
        this.platform = platform;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.progressInterval = progressInterval;
    }

    /**
     * The settings of this process: its environment, overridden by the system properties
     * {@code kratos.download}, {@code kratos.download.version} and {@code kratos.download.url};
     * the cache lies under {@code XDG_CACHE_HOME}, else {@code ~/.cache}.
     *
     * @throws IllegalArgumentException when a setting is present but unusable
     */
    public static KratosDownload fromSystem() {
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        putIfSet(env, SWITCH, System.getProperty("kratos.download"));
        putIfSet(env, VERSION, System.getProperty("kratos.download.version"));
        putIfSet(env, LOCATION, System.getProperty("kratos.download.url"));
        env.putIfAbsent("HOME", System.getProperty("user.home", ""));
        return fromEnvironment(env);
    }

    /**
     * The settings an environment map gives, and nothing else (no system properties): without
     * {@code XDG_CACHE_HOME}, {@code LOCALAPPDATA} (Windows) or {@code HOME} in it there is no
     * cache, so nothing is found or fetched.
     *
     * @throws IllegalArgumentException when a setting is present but unusable
     */
    public static KratosDownload fromEnvironment(Map<String, String> environment) {
        return fromEnvironment(environment, KratosPlatform.current());
    }

    static KratosDownload fromEnvironment(Map<String, String> env, Optional<KratosPlatform> platform) {
        Objects.requireNonNull(env, "environment");
        String version = value(env, VERSION).map(v -> v.startsWith("v") ? v.substring(1) : v)
                .orElse(DEFAULT_VERSION);
        if (!PLAIN_VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException(VERSION + "=" + env.get(VERSION)
                    + " is not a Kratos release version such as " + DEFAULT_VERSION);
        }
        String location = value(env, LOCATION).orElse(DEFAULT_LOCATION);
        checkLocation(location.replace("{version}", version));
        Optional<Boolean> switchValue = value(env, SWITCH).map(KratosDownload::parseSwitch);
        return new KratosDownload(version, location, switchValue, cacheRoot(env, platform), platform,
                Duration.ofSeconds(15), Duration.ofSeconds(60), Duration.ofSeconds(2));
    }

    /** A copy with other network timeouts and progress interval, for tests of the kit. */
    KratosDownload withTimings(Duration connect, Duration read, Duration progress) {
        return new KratosDownload(version, location, switchValue, cacheRoot, platform, connect, read,
                progress);
    }

    /** {@return the Kratos version fetched, without the leading {@code v}, e.g. {@code 26.2.0}} */
    public String version() {
        return version;
    }

    /**
     * {@return whether downloading is on: the {@code KRATOS_DOWNLOAD} switch when it is set, else
     * the caller's default}
     */
    public boolean enabled(boolean byDefault) {
        return switchValue.orElse(byDefault);
    }

    /** {@return the archive's address, when Kratos publishes one for this platform} */
    public Optional<URI> archiveUrl() {
        return platform.map(p -> folder().resolve(p.archiveName(version)));
    }

    /** {@return the cached binary of this version and platform, when a complete one is there} */
    public Optional<Path> cached() {
        return binary().filter(b -> Files.isRegularFile(b) && Files.isExecutable(b));
    }

    /** {@return where the binary is (or would be) cached; empty without a cache or a platform build} */
    Optional<Path> binary() {
        return cacheRoot.flatMap(root -> platform.map(p -> root.resolve(version).resolve(p.folderName())
                .resolve(p.binaryName())));
    }

    /**
     * {@return why nothing can be fetched here at all, if so} No cache folder, or no Kratos build
     * for this platform; a network problem shows only when {@link #fetch} tries.
     */
    public Optional<String> impossible() {
        if (platform.isEmpty()) {
            return Optional.of("Kratos publishes no SQLite build for " + System.getProperty("os.name")
                    + " on " + System.getProperty("os.arch"));
        }
        if (cacheRoot.isEmpty()) {
            return Optional.of("there is no cache folder (set XDG_CACHE_HOME or HOME)");
        }
        return Optional.empty();
    }

    /**
     * The binary, from the cache or else downloaded, verified and unpacked into it. Progress goes
     * to {@code log}, a line at a time: when the download starts, every two seconds while it runs,
     * and when the binary is in place.
     *
     * @throws KratosDownloadException when it cannot be fetched; the cache is left as it was
     */
    public Path fetch(Consumer<String> log) {
        Objects.requireNonNull(log, "log");
        impossible().ifPresent(why -> {
            throw new KratosDownloadException(platform.isEmpty()
                    ? KratosDownloadException.Reason.UNSUPPORTED_PLATFORM
                    : KratosDownloadException.Reason.CACHE_NOT_WRITABLE,
                    "cannot download Kratos v" + version + ": " + why);
        });
        synchronized (LOCK) {
            Optional<Path> hit = cached();
            if (hit.isPresent()) {
                return hit.get();
            }
            KratosPlatform p = platform.orElseThrow();
            Path binary = binary().orElseThrow();
            Path target = binary.getParent();
            Path staging = staging(target);
            try {
                String name = p.archiveName(version);
                String expected = expectedSha256(name);
                URI url = archiveUrl().orElseThrow();
                log.accept("Downloading Kratos v" + version + " (" + name + ") from " + url);
                Path archive = staging.resolve(name);
                String actual = download(url, archive, log);
                if (!actual.equalsIgnoreCase(expected)) {
                    throw failure(KratosDownloadException.Reason.CHECKSUM_MISMATCH, "the SHA-256 of " + name
                            + " is " + actual + " but the release's " + CHECKSUMS + " says " + expected
                            + "; nothing was installed");
                }
                unpack(archive, staging.resolve(p.binaryName()), p);
                Files.delete(archive);
                install(staging, target);
                log.accept("Kratos v" + version + " verified (SHA-256 " + actual.substring(0, 12)
                        + "…) and cached at " + binary);
                return binary;
            } catch (IOException e) {
                throw failure(KratosDownloadException.Reason.CACHE_NOT_WRITABLE,
                        "cannot write the cache folder " + target.getParent() + ": " + e.getMessage(), e);
            } finally {
                deleteTree(staging);
            }
        }
    }

    /** {@return a line for messages: version, platform and address} */
    @Override
    public String toString() {
        return "Kratos v" + version + platform.map(p -> " for " + p.folderName()).orElse("") + " from "
                + folder();
    }

    private URI folder() {
        return URI.create(withSlash(location.replace("{version}", version)));
    }

    private String expectedSha256(String archiveName) {
        URI url = folder().resolve(CHECKSUMS);
        byte[] body;
        try {
            HttpURLConnection connection = open(url);
            try (InputStream in = connection.getInputStream()) {
                body = in.readNBytes(MAX_CHECKSUMS_BYTES);
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            throw unreachable(url, e);
        }
        for (String line : new String(body, StandardCharsets.UTF_8).split("\\R")) {
            Matcher m = CHECKSUM_LINE.matcher(line.strip());
            if (m.matches() && m.group(2).equals(archiveName)) {
                return m.group(1).toLowerCase(Locale.ROOT);
            }
        }
        throw failure(KratosDownloadException.Reason.NO_CHECKSUM, url + " lists no SHA-256 for " + archiveName
                + " (is " + LOCATION + " the folder of a Kratos release?)");
    }

    /** Streams the archive to {@code file} and returns its SHA-256 in hex. */
    private String download(URI url, Path file, Consumer<String> log) {
        HttpURLConnection connection;
        try {
            connection = open(url);
        } catch (IOException e) {
            throw unreachable(url, e);
        }
        long total = connection.getContentLengthLong();
        if (total > MAX_ARCHIVE_BYTES) {
            connection.disconnect();
            throw failure(KratosDownloadException.Reason.BAD_ARCHIVE, url + " announces " + total
                    + " bytes, more than any Kratos archive has");
        }
        MessageDigest sha256 = sha256();
        Progress progress = new Progress(log, total, progressInterval);
        long received = 0;
        try (InputStream in = connection.getInputStream(); OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                received += n;
                if (received > MAX_ARCHIVE_BYTES) {
                    throw failure(KratosDownloadException.Reason.BAD_ARCHIVE, url
                            + " sends more bytes than any Kratos archive has");
                }
                sha256.update(buffer, 0, n);
                out.write(buffer, 0, n);
                progress.received(received);
            }
        } catch (IOException e) {
            throw failure(KratosDownloadException.Reason.INCOMPLETE, "the download of " + url
                    + " broke off after " + Progress.size(received) + (total >= 0 ? " of " + Progress.size(total) : "")
                    + ": " + e.getMessage(), e);
        } finally {
            connection.disconnect();
        }
        if (total >= 0 && received != total) {
            throw failure(KratosDownloadException.Reason.INCOMPLETE, "the download of " + url + " ended after "
                    + Progress.size(received) + " of " + Progress.size(total));
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private HttpURLConnection open(URI url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
        connection.setConnectTimeout((int) connectTimeout.toMillis());
        connection.setReadTimeout((int) readTimeout.toMillis());
        // Release pages redirect to the storage that serves the file.
        connection.setInstanceFollowRedirects(true);
        connection.setRequestProperty("User-Agent", "kratos-flows-testkit");
        int status = connection.getResponseCode();
        if (status != HttpURLConnection.HTTP_OK) {
            connection.disconnect();
            throw new IOException("HTTP " + status);
        }
        return connection;
    }

    /** Copies the one Kratos binary out of the archive; nothing else is extracted. */
    private static void unpack(Path archive, Path binary, KratosPlatform platform) {
        boolean found;
        try {
            found = platform.isWindows() ? unzip(archive, binary, platform.binaryName())
                    : untar(archive, binary, platform.binaryName());
        } catch (IOException e) {
            throw failure(KratosDownloadException.Reason.BAD_ARCHIVE, "cannot read " + archive.getFileName()
                    + ": " + e.getMessage(), e);
        }
        if (!found) {
            throw failure(KratosDownloadException.Reason.BAD_ARCHIVE, archive.getFileName() + " holds no "
                    + platform.binaryName());
        }
        try {
            if (!platform.isWindows()) {
                Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw failure(KratosDownloadException.Reason.CACHE_NOT_WRITABLE, "cannot make " + binary
                    + " executable: " + e.getMessage(), e);
        }
    }

    private static boolean untar(Path archive, Path binary, String name) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(
                new BufferedInputStream(Files.newInputStream(archive))))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                if (entry.isFile() && baseName(entry.getName()).equals(name)) {
                    Files.copy(tar, binary);
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean unzip(Path archive, Path binary, String name) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (!entry.isDirectory() && baseName(entry.getName()).equals(name)) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, binary);
                    }
                    return true;
                }
            }
        }
        return false;
    }

    /** A fresh temporary folder beside the target, after clearing ones a killed run left behind. */
    private static Path staging(Path target) {
        Path parent = target.getParent();
        String prefix = "." + target.getFileName() + ".partial-";
        try {
            Files.createDirectories(parent);
            Instant stale = Instant.now().minus(STALE_STAGING);
            try (Stream<Path> siblings = Files.list(parent)) {
                for (Path old : siblings.filter(s -> s.getFileName().toString().startsWith(prefix)).toList()) {
                    FileTime modified = Files.getLastModifiedTime(old);
                    if (modified.toInstant().isBefore(stale)) {
                        deleteTree(old);
                    }
                }
            }
            return Files.createTempDirectory(parent, prefix);
        } catch (IOException e) {
            throw failure(KratosDownloadException.Reason.CACHE_NOT_WRITABLE, "cannot write the cache folder "
                    + parent + ": " + e.getMessage(), e);
        }
    }

    /** Moves the complete folder into place; when another process was quicker, its copy is kept. */
    private static void install(Path staging, Path target) throws IOException {
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileSystemException e) {
            if (!Files.isDirectory(target)) {
                throw e;
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover staging folder is never mistaken for a cached binary and is cleared later
        }
    }

    private static Optional<Path> cacheRoot(Map<String, String> env, Optional<KratosPlatform> platform) {
        Optional<Path> base = value(env, "XDG_CACHE_HOME").map(Path::of).filter(Path::isAbsolute);
        if (base.isEmpty() && platform.map(KratosPlatform::isWindows).orElse(false)) {
            base = value(env, "LOCALAPPDATA").map(Path::of).filter(Path::isAbsolute);
        }
        if (base.isEmpty()) {
            base = value(env, "HOME").map(Path::of).filter(Path::isAbsolute).map(h -> h.resolve(".cache"));
        }
        return base.map(b -> b.resolve("kratos-flows").resolve("kratos"));
    }

    private static void checkLocation(String location) {
        try {
            URI uri = new URI(withSlash(location));
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (!http || uri.getHost() == null) {
                throw new URISyntaxException(location, "not an absolute http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(LOCATION + "=" + location
                    + " is not an http(s) URL of a folder holding a Kratos release");
        }
    }

    private static boolean parseSwitch(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException(SWITCH + "=" + value + " must be true or false");
        };
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static void putIfSet(Map<String, String> env, String name, String value) {
        if (value != null && !value.isBlank()) {
            env.put(name, value);
        }
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }

    private static String baseName(String entryName) {
        return entryName.substring(entryName.lastIndexOf('/') + 1);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static KratosDownloadException unreachable(URI url, IOException e) {
        return failure(KratosDownloadException.Reason.UNREACHABLE, "cannot fetch " + url + ": "
                + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()), e);
    }

    private static KratosDownloadException failure(KratosDownloadException.Reason reason, String message) {
        return new KratosDownloadException(reason, message);
    }

    private static KratosDownloadException failure(KratosDownloadException.Reason reason, String message,
            Throwable cause) {
        return new KratosDownloadException(reason, message, cause);
    }

    /** Prints how far a download is, at most once per interval. */
    private static final class Progress {

        private final Consumer<String> log;
        private final long total;
        private final long intervalNanos;
        private long lastPrinted = System.nanoTime();

        Progress(Consumer<String> log, long total, Duration interval) {
            this.log = log;
            this.total = total;
            this.intervalNanos = interval.toNanos();
        }

        void received(long bytes) {
            long now = System.nanoTime();
            if (now - lastPrinted < intervalNanos || (total >= 0 && bytes == total)) {
                return;
            }
            lastPrinted = now;
            log.accept("  " + size(bytes) + (total > 0 ? " of " + size(total) + " ("
                    + bytes * 100 / total + "%)" : ""));
        }

        static String size(long bytes) {
            return bytes < 1024 * 1024 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
        }
    }
}
