package io.kratosflows.testkit;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Kratos started on loopback outside JUnit, for tools such as the {@code kratos-flows demo}
 * command: the same launcher, base configuration and SMTP sink as {@link KratosServer}, but owned by
 * the caller, who closes it to stop Kratos and the sink.
 *
 * <pre>{@code
 * Optional<Path> binary = LocalKratos.find(System.getenv());      // KRATOS_BIN, kratos on PATH, or cached
 * try (LocalKratos kratos = LocalKratos.start(LocalKratos.Options.of(binary.orElseThrow(), workDir))) {
 *     URI publicUrl = kratos.publicUrl();
 *     String code = kratos.mail().lastCodeFor(email, CodePurpose.VERIFICATION, Duration.ofSeconds(15));
 * }
 * }</pre>
 *
 * <p>Unlike {@link KratosServer}, {@link #find} never picks a running server named by
 * {@code KRATOS_PUBLIC_URL}: a caller that wants one talks to it directly.
 */
public final class LocalKratos implements AutoCloseable {

    private final KratosInstance instance;
    private final Path binary;

    private LocalKratos(KratosInstance instance, Path binary) {
        this.instance = instance;
        this.binary = binary;
    }

    /**
     * The Kratos binary this environment names: {@code KRATOS_BIN}, else {@code kratos} on
     * {@code PATH}, else the release {@link KratosDownload} cached before; empty when there is none
     * of them. Nothing is downloaded: {@link KratosDownload#fetch} does that.
     *
     * @throws IllegalArgumentException when {@code KRATOS_BIN} or a download setting is set but unusable
     */
    public static Optional<Path> find(Map<String, String> environment) {
        Map<String, String> binaryOnly = new HashMap<>(Objects.requireNonNull(environment, "environment"));
        binaryOnly.remove(KratosLocator.PUBLIC_URL);
        binaryOnly.remove(KratosLocator.ADMIN_URL);
        KratosResolution found = KratosLocator.of(binaryOnly).resolve();
        if (found instanceof KratosResolution.Binary b) {
            return Optional.of(b.binary());
        }
        if (found instanceof KratosResolution.Misconfigured bad) {
            throw new IllegalArgumentException(bad.reason());
        }
        return Optional.empty();
    }

    /**
     * Starts Kratos with the kit's default profile on free loopback ports and waits until both APIs
     * report ready.
     *
     * @throws IllegalStateException when Kratos cannot be started or is not ready in time (the
     *         message ends with the tail of its log)
     */
    public static LocalKratos start(Options options) {
        Objects.requireNonNull(options, "options");
        KratosInstance instance = LocalKratosLauncher.start(options.binary(), options.registrationStyle(),
                List.of(), options.workDir().toAbsolutePath(), options.startupTimeout());
        return new LocalKratos(instance, options.binary());
    }

    /** The public API base URL, for example {@code http://127.0.0.1:41234/}. */
    public URI publicUrl() {
        return instance.publicUrl();
    }

    /** The admin API base URL, for example {@code http://127.0.0.1:41235/}. */
    public URI adminUrl() {
        return instance.adminUrl();
    }

    /** The version the running Kratos reports. */
    public KratosVersion version() {
        return instance.version();
    }

    /** The mail Kratos sent (SMTP sink, with the courier queue as fallback). */
    public Mailbox mail() {
        return instance.mail();
    }

    /** A client for Kratos's admin API. */
    public KratosAdmin admin() {
        return instance.admin();
    }

    /** Kratos's combined stdout and stderr. */
    public Optional<Path> logFile() {
        return instance.logFile();
    }

    /** The binary that runs. */
    public Path binary() {
        return binary;
    }

    /** Stops Kratos (SIGTERM, then kill) and the SMTP sink. */
    @Override
    public void close() {
        instance.close();
    }

    /** Shows the binary and URLs; nothing secret. */
    @Override
    public String toString() {
        return "LocalKratos[" + binary + ", public=" + publicUrl() + ", admin=" + adminUrl() + "]";
    }

    /**
     * How to start a {@link LocalKratos}.
     *
     * @param binary            the Kratos executable
     * @param workDir           where the configuration, schema and log are written (emptied first)
     * @param startupTimeout    how long to wait for {@code /health/ready}
     * @param registrationStyle unified (one step) or profile-first registration
     */
    public record Options(Path binary, Path workDir, Duration startupTimeout,
            RegistrationStyle registrationStyle) {

        /** Validates the components. */
        public Options {
            Objects.requireNonNull(binary, "binary");
            Objects.requireNonNull(workDir, "workDir");
            Objects.requireNonNull(startupTimeout, "startupTimeout");
            Objects.requireNonNull(registrationStyle, "registrationStyle");
            if (startupTimeout.isNegative() || startupTimeout.isZero()) {
                throw new IllegalArgumentException("startup timeout must be positive: " + startupTimeout);
            }
        }

        /** The default profile (unified registration) with a 30 s startup timeout. */
        public static Options of(Path binary, Path workDir) {
            return new Options(binary, workDir, Duration.ofSeconds(30), RegistrationStyle.UNIFIED);
        }

        /** A copy with another startup timeout. */
        public Options withStartupTimeout(Duration timeout) {
            return new Options(binary, workDir, timeout, registrationStyle);
        }
    }
}
