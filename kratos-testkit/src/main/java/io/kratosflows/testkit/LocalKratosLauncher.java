package io.kratosflows.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Starts one Kratos process for the kit: detects its version, starts the SMTP sink, writes the
 * configuration and identity schema into the instance folder, runs
 * {@code kratos serve --dev --watch-courier --sqa-opt-out -c kratos.yml} with its output in
 * {@code kratos.log}, and waits until both APIs report ready.
 *
 * <p>With {@code dsn: memory} Kratos runs its SQL migrations itself at every start (its log says
 * so), so no {@code kratos migrate sql} step is needed.
 */
final class LocalKratosLauncher {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final int START_ATTEMPTS = 3;
    private static final int LOG_TAIL_LINES = 30;
    /** Versions by binary (real path, size, modification time): a JVM starts many configurations of one binary. */
    private static final Map<String, KratosVersion> VERSIONS = new ConcurrentHashMap<>();

    private LocalKratosLauncher() {
    }

    static KratosInstance start(Path binary, RegistrationStyle style, List<ConfigOverlay> overlays,
            Path dir, Duration startupTimeout) {
        KratosVersion version = cachedVersion(binary);
        if (version.isLegacyLine() && !version.isAtLeast(1, 2)) {
            throw new IllegalStateException("Kratos " + version + " at " + binary + " is too old for"
                    + " the testkit's configuration (it needs the passkey method and"
                    + " enable_legacy_one_step, both from v1.2); use v1.2+ or v25.4+");
        }
        prepare(dir);
        // Kratos watches the folder of its configuration; the log must live elsewhere, or each
        // line it writes is a change it reports (v25 logs the folder on every event: a loop).
        Path configDir = dir.resolve("config");
        try {
            Files.createDirectories(configDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + configDir, e);
        }
        Path schema = write(configDir.resolve("identity.schema.json"),
                KratosConfigRenderer.readResource(KratosConfigRenderer.SCHEMA_RESOURCE));
        Path log = dir.resolve("kratos.log");
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                return attempt(binary, version, style, overlays, dir, schema, log, startupTimeout);
            } catch (PortTaken e) {
                // Free ports are picked by closing a probe socket; another process may win the race.
                last = new IllegalStateException(e.getMessage());
            }
        }
        throw last;
    }

    private static KratosInstance attempt(Path binary, KratosVersion version,
            RegistrationStyle style, List<ConfigOverlay> overlays, Path dir, Path schema, Path log,
            Duration startupTimeout) {
        List<Integer> ports = freePorts(3);
        SmtpSink smtp;
        try {
            smtp = SmtpSink.start(ports.get(2));
        } catch (IllegalStateException e) {
            throw new PortTaken("the SMTP sink could not bind 127.0.0.1:" + ports.get(2) + ": " + e);
        }
        KratosConfigRenderer.Ports chosen = new KratosConfigRenderer.Ports(ports.get(0),
                ports.get(1), smtp.port());
        Process process = null;
        try {
            ObjectNode config = KratosConfigRenderer.render(version, chosen, schema.toUri(), style,
                    overlays);
            Path configFile = write(schema.resolveSibling("kratos.yml"), "# Written by kratos-flows-testkit for "
                    + "Kratos " + version + "; regenerated at every start.\n"
                    + KratosConfigRenderer.toYaml(config));
            append(log, "=== kratos-flows-testkit: starting " + binary + " at " + Instant.now() + "\n");
            ProcessBuilder builder = new ProcessBuilder(binary.toString(), "serve", "--dev",
                    "--watch-courier", "--sqa-opt-out", "-c", configFile.toString())
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            cleanEnvironment(builder.environment());
            process = builder.start();
            process.getOutputStream().close();
            Process started = process;
            Thread killer = new Thread(started::destroyForcibly, "kratos-testkit-shutdown");
            Runtime.getRuntime().addShutdownHook(killer);

            URI publicUrl = URI.create("http://127.0.0.1:" + chosen.publicPort() + "/");
            URI adminUrl = URI.create("http://127.0.0.1:" + chosen.adminPort() + "/");
            awaitReady(started, publicUrl, adminUrl, log, startupTimeout, killer);

            KratosAdmin admin = KratosAdmin.connect(adminUrl);
            Mailbox mail = new Mailbox(Optional.of(smtp), address -> admin.courierMessages(address)
                    .stream().map(CourierMessage::toMailMessage).toList());
            return new KratosInstance(publicUrl, adminUrl, admin.version(), mail, admin,
                    Optional.of(log), () -> {
                        stop(started);
                        smtp.close();
                        removeHook(killer);
                    });
        } catch (IOException e) {
            cleanUp(process, smtp);
            throw new UncheckedIOException("cannot start Kratos " + binary + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            cleanUp(process, smtp);
            throw e;
        }
    }

    /** {@link #detectVersion} once per binary file; a replaced binary (other size or time) is asked again. */
    static KratosVersion cachedVersion(Path binary) {
        String key;
        try {
            key = binary.toRealPath() + "|" + Files.size(binary) + "|" + Files.getLastModifiedTime(binary).toMillis();
        } catch (IOException e) {
            return detectVersion(binary);
        }
        return VERSIONS.computeIfAbsent(key, k -> detectVersion(binary));
    }

    /** Runs {@code <bin> version}, which prints a line {@code Version: v26.2.0}. */
    static KratosVersion detectVersion(Path binary) {
        ProcessBuilder builder = new ProcessBuilder(binary.toString(), "version")
                .redirectErrorStream(true);
        cleanEnvironment(builder.environment());
        String output;
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("'" + binary + " version' did not finish in 20 s");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run '" + binary + " version'", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running '" + binary + " version'", e);
        }
        return KratosVersion.fromCliOutput(output).orElseThrow(() -> new IllegalStateException(
                "cannot tell the Kratos version from '" + binary + " version' (the testkit writes a"
                        + " config for the version it runs and needs a release build); output was:\n"
                        + output.strip()));
    }

    /**
     * Kratos reads any environment variable named like a config key (DSN, SERVE_PUBLIC_PORT,
     * SECRETS_COOKIE, DEV_DISABLE_API_FLOW_ENFORCEMENT …) over the file; an inherited one would
     * silently change the server under test, so the child gets only what a process needs.
     */
    static void cleanEnvironment(Map<String, String> env) {
        Map<String, String> keep = new HashMap<>();
        for (String name : List.of("PATH", "HOME", "TMPDIR", "TMP", "TEMP", "SYSTEMROOT")) {
            String value = env.get(name);
            if (value != null) {
                keep.put(name, value);
            }
        }
        env.clear();
        env.putAll(keep);
        env.put("SQA_OPT_OUT", "true");
    }

    private static void awaitReady(Process process, URI publicUrl, URI adminUrl, Path log,
            Duration timeout, Thread killer) {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                // Plain-http Kratos speaks HTTP/1.1; this skips the h2c upgrade headers on every call.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                String tail = logTail(log);
                removeHook(killer);
                if (tail.toLowerCase(Locale.ROOT).contains("address already in use")) {
                    throw new PortTaken("Kratos could not bind its ports (tried three times):\n" + tail);
                }
                throw new IllegalStateException("Kratos exited with status " + process.exitValue()
                        + " before it was ready; log " + log + " ends with:\n" + tail);
            }
            // Admin readiness under /admin: every version the kit starts serves it there, while
            // v25.4 and v1.3 answer the unprefixed /health/ready with a 307 (v26.2 with 200).
            URI publicReady = publicUrl.resolve("health/ready");
            URI adminReady = adminUrl.resolve("admin/health/ready");
            if (ready(http, publicReady) && ready(http, adminReady)) {
                return;
            }
            if (System.nanoTime() - deadline >= 0) {
                stop(process);
                removeHook(killer);
                throw new IllegalStateException("Kratos did not answer 200 on " + publicReady
                        + " and " + adminReady + " within " + timeout + "; log " + log
                        + " ends with:\n" + logTail(log));
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop(process);
                throw new IllegalStateException("interrupted while waiting for Kratos", e);
            }
        }
    }

    private static boolean ready(HttpClient http, URI endpoint) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(2))
                .header("Accept", "application/json")
                .GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGTERM first so Kratos shuts its servers down cleanly, then kill. */
    static void stop(Process process) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void cleanUp(Process process, SmtpSink smtp) {
        stop(process);
        smtp.close();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or about to; nothing left to do
        }
    }

    /** {@code count} distinct free ports on 127.0.0.1. */
    static List<Integer> freePorts(int count) {
        Set<Integer> ports = new HashSet<>();
        List<Integer> ordered = new ArrayList<>();
        while (ordered.size() < count) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                if (ports.add(socket.getLocalPort())) {
                    ordered.add(socket.getLocalPort());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot find a free loopback port", e);
            }
        }
        return List.copyOf(ordered);
    }

    /** Error lines first (the cause), then the last lines (the context). */
    static String logTail(Path log) {
        List<String> lines;
        try {
            lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
        List<String> errors = lines.stream()
                .filter(l -> l.contains("level=error") || l.contains("level=fatal")
                        || l.startsWith("Error:"))
                .limit(10).toList();
        List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
        String errorText = errors.isEmpty() ? "" : String.join("\n", errors) + "\n--- last lines ---\n";
        return errorText + tail.stream().collect(Collectors.joining("\n"));
    }

    private static void prepare(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> old = Files.walk(dir)) {
                    for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the instance folder " + dir, e);
        }
    }

    private static Path write(Path file, String content) {
        try {
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void append(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** Kratos lost the race for a port picked as free; the caller retries with new ports. */
    private static final class PortTaken extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        PortTaken(String message) {
            super(message);
        }
    }
}
