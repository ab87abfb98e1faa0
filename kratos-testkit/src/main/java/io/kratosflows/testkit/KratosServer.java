package io.kratosflows.testkit;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * A JUnit 5 extension that gives tests a real Ory Kratos on loopback, with an SMTP sink for the
 * mails it sends and an admin client:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KratosServer kratos = KratosServer.defaults();
 *
 * @RegisterExtension
 * static final KratosServer shortLived = KratosServer.builder()
 *         .registrationStyle(RegistrationStyle.PROFILE_FIRST)
 *         .set("selfservice.flows.login.lifespan", "3s")
 *         .set("selfservice.flows.registration.after.password.hooks", List.of())
 *         .build();
 * }</pre>
 *
 * <p><b>Which Kratos.</b> In this order: a running server named by {@code KRATOS_PUBLIC_URL} and
 * {@code KRATOS_ADMIN_URL} (configurations with overlays or a non-default registration style
 * cannot be applied to it, so their tests are skipped with that reason); a binary named by
 * {@code KRATOS_BIN}; {@code kratos} on {@code PATH}; the official release the kit downloaded into
 * the per-user cache before; and, only when {@code KRATOS_DOWNLOAD=true} (or
 * {@code -Dkratos.download=true}), that release downloaded now (see {@link KratosDownload}: pinned
 * version, checksum-verified, progress on standard error). With none of them the tests are
 * <em>skipped</em> (an {@link ExecutionCondition}) and one line says so on standard error:
 * {@value KratosLocator#NOT_FOUND_REASON}; a download that cannot be made skips them the same way,
 * with its reason. A setting that is present but unusable (only one URL, a {@code KRATOS_BIN} that
 * is not executable) or a download that fails its checksum fails the tests instead.
 *
 * <p><b>What is started.</b> The shipped base configuration ({@code kratos.base.yml}: memory DSN,
 * cheap argon2, password/profile/code/totp/lookup_secret/passkey/fake-GitHub-OIDC methods, recovery
 * and verification by code, {@code use_continue_with_transitions}) with free loopback ports, then
 * the registration style, then the overlays in order, written to
 * {@code target/kratos-testkit/<instance>/config/kratos.yml} (the folder can be moved with the system
 * property {@code kratos.testkit.dir}) and run as
 * {@code kratos serve --dev --watch-courier --sqa-opt-out}. Output goes to {@link #logFile()}. The
 * child process gets a minimal environment, since Kratos reads config keys from environment
 * variables. One instance runs per distinct configuration and binary, shared by every test class
 * of the JVM that asks for the same, and is stopped when the test run ends.
 *
 * <p><b>Kratos versions.</b> Tested with v26.2.0, v25.4.0 and v1.3.1. The config is written for
 * the version {@code kratos version} reports. For v25.4 and later it is the base file as it is.
 * For the v1.x line (v1.2, v1.3) one key differs: {@code selfservice.flows.registration.style}
 * did not exist and is left out, and {@code selfservice.flows.registration.enable_legacy_one_step}
 * is written instead ({@code true} for {@link RegistrationStyle#UNIFIED}, {@code false} for
 * {@link RegistrationStyle#PROFILE_FIRST}). Versions before v1.2 are refused with a clear error
 * (they have no passkey method and no {@code enable_legacy_one_step}). Overlays are written as
 * given, whatever the version. Readiness and version are read under the admin API's
 * {@code /admin/} prefix, which every version serves (v25.4 and v1.3 redirect the unprefixed
 * paths, see {@link KratosAdmin}); v1.x mails carry their code only in the body, not the subject
 * (see {@link CodePurpose}).
 *
 * <p>Register it on a {@code static} field so one instance serves the whole class; the accessors
 * work from {@code @BeforeAll} methods and tests on.
 */
public final class KratosServer implements ExecutionCondition, BeforeAllCallback,
        BeforeEachCallback, TestWatcher {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(KratosServer.class);
    /** Skip reasons already printed in this JVM: one line per reason, not one per class. */
    private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();
    private static final String LOG_OFFSET = "kratos log offset";
    /** Each release is fetched (or found to be unavailable) once per JVM, not once per class. */
    private static final Map<String, KratosResolution> DOWNLOADS = new ConcurrentHashMap<>();
    private static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(30);
    private static final String OIDC_PROVIDERS = "selfservice.methods.oidc.config.providers";
    private static final KratosVersion FIRST_FEDCM_TEST_VERSION = KratosVersion.parse("v25.4.0");
    /** {@code local claims = std.extVar('claims'); { identity: { traits: { email: claims.email } } }} */
    private static final String EMAIL_MAPPER_URL = "base64://" + Base64.getEncoder().encodeToString(
            "local claims = std.extVar('claims'); { identity: { traits: { email: claims.email } } }"
                    .getBytes(StandardCharsets.UTF_8));

    private final RegistrationStyle style;
    private final List<ConfigOverlay> overlays;
    private final Optional<String> name;
    private final Optional<Map<String, String>> environment;
    private final Duration startupTimeout;
    private final PrintStream announceTo;

    private volatile KratosResolution resolution;
    private volatile KratosInstance instance;

    private KratosServer(Builder builder) {
        this.style = builder.style;
        this.overlays = List.copyOf(builder.overlays);
        this.name = builder.name;
        this.environment = builder.environment;
        this.startupTimeout = builder.startupTimeout;
        this.announceTo = builder.announceTo;
    }

    /** The default profile: unified registration, no overlays. */
    public static KratosServer defaults() {
        return builder().build();
    }

    /** A builder for a configuration that differs from the default profile. */
    public static Builder builder() {
        return new Builder();
    }

    /** The public API base URL, for example {@code http://127.0.0.1:41234/}. */
    public URI publicUrl() {
        return running().publicUrl();
    }

    /** The admin API base URL, for example {@code http://127.0.0.1:41235/}. */
    public URI adminUrl() {
        return running().adminUrl();
    }

    /** The version the running Kratos reports on {@code GET /admin/version} of its admin API. */
    public KratosVersion version() {
        return running().version();
    }

    /** The mail Kratos sent (SMTP sink, with the courier queue as fallback). */
    public Mailbox mail() {
        return running().mail();
    }

    /** A client for the admin calls tests need for set-up. */
    public KratosAdmin admin() {
        return running().admin();
    }

    /** Kratos's combined stdout and stderr; empty for a Kratos the kit did not start. */
    public Optional<Path> logFile() {
        return running().logFile();
    }

    /** The registration style this configuration asks for. */
    public RegistrationStyle registrationStyle() {
        return style;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> skip = skipReason(resolution());
        if (skip.isPresent()) {
            if (ANNOUNCED.add(skip.get())) {
                announceTo.println(skip.get());
            }
            return ConditionEvaluationResult.disabled(skip.get());
        }
        return ConditionEvaluationResult.enabled("Kratos available: " + describe(resolution()));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ensureStarted(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        // Also covers registration on an instance field, where beforeAll is never called.
        ensureStarted(context);
        instance.logFile().ifPresent(log -> context.getStore(NAMESPACE).put(LOG_OFFSET, sizeOf(log)));
    }

    /**
     * A failed test prints the errors Kratos logged while it ran (its log keeps secrets out:
     * {@code leak_sensitive_values: false}), so that a 500 says why in the test report.
     */
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Long from = context.getStore(NAMESPACE).get(LOG_OFFSET, Long.class);
        KratosInstance running = instance;
        if (from == null || running == null || running.logFile().isEmpty()) {
            return;
        }
        Path log = running.logFile().get();
        List<String> errors = errorsSince(log, from);
        if (!errors.isEmpty()) {
            System.err.println("Kratos errors during " + context.getDisplayName() + " (" + log + "):");
            errors.forEach(line -> System.err.println("  " + line));
        }
    }

    /** Lines at level error or fatal, or a panic, written after byte {@code from}; the last 20. */
    static List<String> errorsSince(Path log, long from) {
        try {
            byte[] bytes = Files.readAllBytes(log);
            int start = (int) Math.min(Math.max(from, 0), bytes.length);
            List<String> errors = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8).lines()
                    .filter(l -> l.contains("level=error") || l.contains("level=fatal") || l.startsWith("panic:"))
                    .map(l -> l.length() > 2000 ? l.substring(0, 2000) + " ..." : l)
                    .collect(Collectors.toList());
            return errors.subList(Math.max(0, errors.size() - 20), errors.size());
        } catch (IOException e) {
            return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
        }
    }

    private static long sizeOf(Path log) {
        try {
            return Files.size(log);
        } catch (IOException e) {
            return 0;
        }
    }

    private synchronized void ensureStarted(ExtensionContext context) {
        if (instance != null) {
            return;
        }
        KratosResolution found = resolution();
        skipReason(found).ifPresent(Assumptions::abort);
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        if (found instanceof KratosResolution.Misconfigured bad) {
            throw new ExtensionConfigurationException("Kratos testkit: " + bad.reason());
        } else if (found instanceof KratosResolution.External external) {
            instance = store.getOrComputeIfAbsent("external " + external,
                    key -> KratosInstance.external(external.publicUrl(), external.adminUrl()),
                    KratosInstance.class);
        } else if (found instanceof KratosResolution.Binary binary) {
            String fingerprint = fingerprint(binary.binary());
            instance = store.getOrComputeIfAbsent(fingerprint,
                    key -> LocalKratosLauncher.start(binary.binary(), style, overlays,
                            instanceDir(fingerprint), startupTimeout),
                    KratosInstance.class);
        }
    }

    private KratosResolution resolution() {
        KratosResolution r = resolution;
        if (r == null) {
            r = environment.map(KratosLocator::of).orElseGet(KratosLocator::ofSystem).resolve();
            if (r instanceof KratosResolution.Download download) {
                r = DOWNLOADS.computeIfAbsent(download.download().toString(),
                        key -> provision(download.download(), announceTo));
            }
            resolution = r;
        }
        return r;
    }

    /**
     * Fetches the release into the cache. A transfer that fails skips the tests like a missing
     * Kratos; bytes that fail verification fail them, since the download address is wrong or the
     * file was tampered with.
     */
    private static KratosResolution provision(KratosDownload download, PrintStream log) {
        try {
            return new KratosResolution.Binary(download.fetch(log::println), "download");
        } catch (KratosDownloadException e) {
            if (e.reason().isIntegrityFailure()) {
                return new KratosResolution.Misconfigured(e.getMessage());
            }
            return new KratosResolution.NotFound("SKIPPED (no Kratos): " + e.getMessage());
        }
    }

    /** Why this configuration's tests cannot run here, if they cannot. */
    Optional<String> skipReason(KratosResolution found) {
        if (found instanceof KratosResolution.NotFound notFound) {
            return Optional.of(notFound.reason());
        }
        if (found instanceof KratosResolution.External external && needsOwnInstance()) {
            return Optional.of("SKIPPED (needs its own Kratos): this configuration sets "
                    + changedKeys() + ", which cannot be applied to the running Kratos at "
                    + external.publicUrl() + "; unset " + KratosLocator.PUBLIC_URL + "/"
                    + KratosLocator.ADMIN_URL + " to let the testkit start one");
        }
        return Optional.empty();
    }

    private boolean needsOwnInstance() {
        return !overlays.isEmpty() || style != RegistrationStyle.UNIFIED;
    }

    private List<String> changedKeys() {
        List<String> keys = new ArrayList<>();
        if (style != RegistrationStyle.UNIFIED) {
            keys.add("selfservice.flows.registration.style=" + style.configValue());
        }
        overlays.forEach(o -> keys.add(o.key()));
        return keys;
    }

    private String fingerprint(Path binary) {
        return "binary=" + binary + "\nstyle=" + style + "\nname=" + name.orElse("")
                + overlays.stream().map(ConfigOverlay::fingerprint)
                        .collect(Collectors.joining("\n", "\n", ""));
    }

    private Path instanceDir(String fingerprint) {
        String base = System.getProperty("kratos.testkit.dir");
        Path root = base != null ? Path.of(base)
                : Path.of(System.getProperty("user.dir"), "target", "kratos-testkit");
        String prefix = name.orElse(style.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        // The process id too: test JVMs run side by side (forks), each with its own Kratos of the
        // same configuration, and must not write each other's config and log.
        return root.resolve(prefix + "-" + shortHash(fingerprint) + "-" + ProcessHandle.current().pid()).toAbsolutePath();
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private KratosInstance running() {
        KratosInstance running = instance;
        if (running == null) {
            throw new IllegalStateException("KratosServer has not started yet: register it with"
                    + " @RegisterExtension (on a static field to share it across the class) and use"
                    + " it from @BeforeAll, @BeforeEach or a test");
        }
        return running;
    }

    private static String describe(KratosResolution r) {
        if (r instanceof KratosResolution.External e) {
            return "running server " + e.publicUrl();
        }
        if (r instanceof KratosResolution.Binary b) {
            return b.binary() + " (from " + b.origin() + ")";
        }
        return r.toString();
    }

    /** Shows the configuration's keys (not its values, which may hold secrets) and the URL once started. */
    @Override
    public String toString() {
        KratosInstance running = instance;
        return "KratosServer[style=" + style.configValue() + ", overlays="
                + overlays.stream().map(ConfigOverlay::key).toList()
                + (running == null ? ", not started" : ", public=" + running.publicUrl()) + "]";
    }

    /**
     * Describes a Kratos configuration that differs from the default profile: registration style
     * and overlays addressed by dotted keys, applied in the order given.
     */
    public static final class Builder {

        private RegistrationStyle style = RegistrationStyle.UNIFIED;
        private final List<ConfigOverlay> overlays = new ArrayList<>();
        private Optional<String> name = Optional.empty();
        private Optional<Map<String, String>> environment = Optional.empty();
        private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;
        private PrintStream announceTo = System.err;

        private Builder() {
        }

        /** Unified (default) or profile-first registration. */
        public Builder registrationStyle(RegistrationStyle style) {
            this.style = Objects.requireNonNull(style, "style");
            return this;
        }

        /**
         * Sets a config key. A {@code String} is read as YAML ({@code "3s"} stays text,
         * {@code "true"} is a boolean, {@code "[{hook: session}]"} a list of one hook); a
         * {@code List}, {@code Map}, number, boolean or Jackson {@code JsonNode} is used as that
         * value. The value replaces what was there, lists and objects included. A numeric segment
         * addresses an element of an existing list
         * ({@code selfservice.methods.oidc.config.providers.0.client_id}).
         */
        public Builder set(String dottedKey, Object value) {
            overlays.add(ConfigOverlay.set(dottedKey, value));
            return this;
        }

        /** Sets a config key to a text value, without reading it as YAML. */
        public Builder setString(String dottedKey, String value) {
            overlays.add(ConfigOverlay.setString(dottedKey, value));
            return this;
        }

        /** Removes a config key from the base profile, so Kratos uses its own default. */
        public Builder unset(String dottedKey) {
            overlays.add(ConfigOverlay.unset(dottedKey));
            return this;
        }

        /**
         * Registers {@code provider} with Kratos as the generic OpenID Connect provider {@code id}
         * (appended to {@code selfservice.methods.oidc.config.providers}, next to the base
         * profile's fake GitHub): {@code provider: generic}, its issuer URL, client id and secret,
         * scopes {@code openid} and {@code email}, and a mapper that copies the {@code email} claim
         * to {@code traits.email}. Kratos reads the provider's discovery document at the first
         * sign-in, so the provider must be running by then.
         */
        public Builder oidcProvider(String id, OidcTestProvider provider) {
            Objects.requireNonNull(provider, "provider");
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("id", requireProviderId(id));
            config.put("provider", "generic");
            config.put("label", "Test provider");
            config.put("issuer_url", provider.issuer().toString());
            config.put("client_id", provider.clientId());
            config.put("client_secret", provider.clientSecret());
            config.put("mapper_url", EMAIL_MAPPER_URL);
            config.put("scope", List.of("openid", "email"));
            overlays.add(ConfigOverlay.append(OIDC_PROVIDERS, config));
            return this;
        }

        /**
         * Registers Kratos's own {@code fedcm-test} provider type as {@code id}: the one provider
         * type that accepts native id tokens (the {@code id_token} field of an {@code oidc}
         * submission) signed by a test issuer, with the fixed key {@link
         * OidcTestProvider#fedcmTestIdToken} uses. The type exists from Kratos v25.4 on (v1.3's
         * configuration schema rejects it), so the overlay is applied to v25.4+ only.
         */
        public Builder idTokenTestProvider(String id) {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("id", requireProviderId(id));
            config.put("provider", "fedcm-test");
            config.put("client_id", "kratos-flows-id-token-test");
            config.put("client_secret", "not-a-secret");
            config.put("mapper_url", EMAIL_MAPPER_URL);
            overlays.add(ConfigOverlay.append(OIDC_PROVIDERS, config).since(FIRST_FEDCM_TEST_VERSION));
            return this;
        }

        /**
         * The passkey relying party: {@code selfservice.methods.passkey.config.rp.id} and
         * {@code .origins}. The base profile has {@code localhost} and
         * {@code http://localhost:4455}; an Android app's origin is
         * {@code android:apk-key-hash:<base64url SHA-256 of its signing certificate>}.
         */
        public Builder passkeyRelyingParty(String rpId, String... origins) {
            Objects.requireNonNull(rpId, "rpId");
            if (origins.length == 0) {
                throw new IllegalArgumentException("give at least one origin");
            }
            overlays.add(ConfigOverlay.setString("selfservice.methods.passkey.config.rp.id", rpId));
            overlays.add(ConfigOverlay.set("selfservice.methods.passkey.config.rp.origins", List.of(origins)));
            return this;
        }

        /** Appends {@code url} to {@code selfservice.allowed_return_urls} (e.g. a loopback redirect receiver). */
        public Builder allowReturnUrl(String url) {
            overlays.add(ConfigOverlay.append("selfservice.allowed_return_urls", Objects.requireNonNull(url, "url")));
            return this;
        }

        private static String requireProviderId(String id) {
            Objects.requireNonNull(id, "id");
            if (!id.matches("[a-z0-9_-]+")) {
                throw new IllegalArgumentException("provider id must be lower-case letters, digits, '_' or '-': '" + id + "'");
            }
            return id;
        }

        /** A readable prefix for the instance folder under {@code target/kratos-testkit/}. */
        public Builder name(String name) {
            Objects.requireNonNull(name, "name");
            if (!name.matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("instance name must be letters, digits, '.', '_'"
                        + " or '-': '" + name + "'");
            }
            this.name = Optional.of(name);
            return this;
        }

        /** How long to wait for {@code /health/ready} (default 30 s). */
        public Builder startupTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("startup timeout must be positive: " + timeout);
            }
            this.startupTimeout = timeout;
            return this;
        }

        /**
         * The environment Kratos is looked up in ({@code KRATOS_PUBLIC_URL},
         * {@code KRATOS_ADMIN_URL}, {@code KRATOS_BIN}, {@code PATH}, and the download settings
         * {@code KRATOS_DOWNLOAD*} with the cache under {@code XDG_CACHE_HOME} or {@code HOME})
         * instead of the process's, whose system properties are then not read either: for tests of
         * the kit, or to pin a binary without changing the environment.
         */
        public Builder environment(Map<String, String> environment) {
            this.environment = Optional.of(Map.copyOf(environment));
            return this;
        }

        /** Where the one-line skip notice goes (standard error unless a test of the kit says otherwise). */
        Builder announceTo(PrintStream out) {
            this.announceTo = Objects.requireNonNull(out, "out");
            return this;
        }

        /** The extension, to be registered with {@code @RegisterExtension}. */
        public KratosServer build() {
            return new KratosServer(this);
        }
    }
}
