package io.kratosflows.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kratosflows.FlowId;
import io.kratosflows.HttpExchange;
import io.kratosflows.Kratos;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.Traits;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.recovery.RecoveryFlow;
import io.kratosflows.recovery.RecoveryMethod;
import io.kratosflows.recovery.RecoveryOutcome;
import io.kratosflows.registration.RegistrationMethod;
import io.kratosflows.registration.RegistrationOutcome;
import io.kratosflows.session.LogoutOutcome;
import io.kratosflows.session.WhoamiOutcome;
import io.kratosflows.settings.SettingsFlow;
import io.kratosflows.settings.SettingsMethod;
import io.kratosflows.settings.SettingsOutcome;
import io.kratosflows.testkit.CodePurpose;
import io.kratosflows.testkit.KratosDownload;
import io.kratosflows.testkit.KratosDownloadException;
import io.kratosflows.testkit.LocalKratos;
import io.kratosflows.ui.Ui;
import io.kratosflows.verification.VerificationFlow;
import io.kratosflows.verification.VerificationMethod;
import io.kratosflows.verification.VerificationOutcome;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kratos-flows demo}: the whole native journey — password registration, email verification
 * by code, logout, login, whoami, password change, recovery by code, password change with the
 * recovered session, logout — against the Kratos at {@code --kratos-url} when one answers there,
 * otherwise against one it starts on loopback from {@code KRATOS_BIN}, {@code kratos} on
 * {@code PATH} or the official release it downloads into the per-user cache
 * ({@link KratosDownload}; {@code --no-download} or {@code KRATOS_DOWNLOAD=false} turn that off),
 * with the test kit's configuration and SMTP sink, and stops it at the end. Each step prints its
 * requests, outcome and Kratos's messages.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = KratosFlowsCli.Version.class, sortOptions = false,
        description = {"Run the whole native journey against a Kratos it finds or starts, step by step.",
            "Example: kratos-flows demo    (uses --kratos-url if a Kratos answers there, else starts one"
                + " from KRATOS_BIN, kratos on PATH, or the official release it downloads once into ~/.cache)"})
final class DemoCommand extends FlowCommand {

    private static final int STEPS = 9;
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Option(names = "--start-local", description = "Start a local Kratos even if one answers at --kratos-url.")
    boolean startLocal;

    @Option(names = "--no-download", description = "Never download Kratos when none is installed (also KRATOS_DOWNLOAD=false).")
    boolean noDownload;

    @Option(names = "--email", paramLabel = "EMAIL", description = "The address to register (default: a random demo-…@example.org).")
    String email;

    @Option(names = "--code-timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "30s",
            description = "How long to wait for a mailed code (default: ${DEFAULT-VALUE}).")
    Duration codeTimeout;

    @Override
    ExitCode run(CommandContext ctx) {
        long started = System.nanoTime();
        URI publicUrl = ctx.publicUrl();
        ObjectNode json = Output.object().put("command", "demo");
        if (!startLocal && answers(publicUrl, ctx.timeout())) {
            Optional<URI> admin = ctx.adminUrl();
            ctx.out().line("kratos-flows demo: the native self-service journey against the Kratos at " + publicUrl);
            Optional<CodeSource> codes = admin.map(CodeSource::courier);
            ctx.out().line("  codes: " + codes.map(c -> "read from " + c.describe()).orElse(
                    "not readable (no --admin-url): the code steps (verification, recovery) are skipped"));
            json.put("kratos", publicUrl.toString()).put("started_locally", false);
            return new Journey(ctx, ctx.connection().kratos(), codes, json).run(started);
        }
        Path binary = findBinary(ctx, publicUrl);
        Path workDir;
        try {
            workDir = Files.createTempDirectory("kratos-flows-demo-");
        } catch (IOException e) {
            throw new CliException(ExitCode.INTERNAL_ERROR, "cannot create a folder for the local Kratos: " + e.getMessage(), e);
        }
        boolean failed = true;
        LocalKratos local = null;
        try {
            ctx.out().line((startLocal ? "Starting" : "No Kratos answers at " + publicUrl + "; starting")
                    + " Kratos from " + binary + " on loopback (the test kit's configuration, a built-in SMTP sink)");
            try {
                local = Spinner.during(ctx.spinnerEnabled(), ctx.terminal().err(), "starting Kratos",
                        () -> LocalKratos.start(LocalKratos.Options.of(binary, workDir.resolve("kratos"))));
            } catch (IllegalStateException | java.io.UncheckedIOException e) {
                throw new CliException(ExitCode.KRATOS_UNREACHABLE, "the local Kratos did not start: "
                        + KratosFlowsCli.oneLine(e.getMessage()).replaceFirst("(.{0,300}).*", "$1")
                        + " (log: " + workDir.resolve("kratos").resolve("kratos.log") + ")", e);
            }
            ctx.out().line("kratos-flows demo: the native self-service journey against Kratos " + local.version()
                    + " at " + local.publicUrl() + " (started in " + seconds(started) + ")");
            CodeSource codes = CodeSource.mailbox(local.mail());
            ctx.out().line("  codes: read from " + codes.describe());
            json.put("kratos", local.publicUrl().toString()).put("started_locally", true)
                    .put("kratos_version", local.version().text());
            Connection connection = ctx.connect(local.publicUrl());
            ExitCode result = new Journey(ctx, connection.kratos(), Optional.of(codes), json).run(started);
            failed = false;
            return result;
        } finally {
            if (local != null) {
                local.close();
                ctx.out().line("Stopped the local Kratos.");
            }
            if (!failed) {
                deleteQuietly(workDir);
            } else if (local != null || Files.exists(workDir.resolve("kratos").resolve("kratos.log"))) {
                ctx.out().warn("the local Kratos's configuration and log are kept in " + workDir.resolve("kratos"));
            }
        }
    }

    private Path findBinary(CommandContext ctx, URI publicUrl) {
        Optional<Path> binary;
        try {
            binary = LocalKratos.find(ctx.terminal().env());
        } catch (IllegalArgumentException e) {
            throw CliException.invalidInput(e.getMessage());
        }
        return binary.orElseGet(() -> download(ctx, publicUrl));
    }

    /** The official Kratos release, fetched into the per-user cache (on unless switched off). */
    private Path download(CommandContext ctx, URI publicUrl) {
        String none = "no Kratos: nothing answers at " + publicUrl + " and no Kratos binary was found";
        String how = "; set KRATOS_BIN, put kratos on PATH, or pass --kratos-url of a running Kratos";
        KratosDownload release;
        try {
            release = KratosDownload.fromEnvironment(ctx.terminal().env());
        } catch (IllegalArgumentException e) {
            throw CliException.invalidInput(e.getMessage());
        }
        if (noDownload || !release.enabled(true)) {
            throw new CliException(ExitCode.KRATOS_UNREACHABLE, none + " (downloading is off: "
                    + (noDownload ? "--no-download" : "KRATOS_DOWNLOAD=false") + ")" + how);
        }
        release.impossible().ifPresent(why -> {
            throw new CliException(ExitCode.KRATOS_UNREACHABLE, none + ", and none can be downloaded: " + why + how);
        });
        try {
            return release.fetch(line -> ctx.terminal().err().println("kratos-flows: " + line.strip()));
        } catch (KratosDownloadException e) {
            throw new CliException(ExitCode.KRATOS_UNREACHABLE, none + ", and the download failed: "
                    + e.getMessage() + how + " (KRATOS_DOWNLOAD_URL names a mirror)", e);
        }
    }

    /** Whether a Kratos answers {@code GET /health/alive} with 200. */
    static boolean answers(URI publicUrl, Duration timeout) {
        Duration wait = timeout.compareTo(PROBE_TIMEOUT) < 0 ? timeout : PROBE_TIMEOUT;
        HttpClient http = HttpClient.newBuilder().connectTimeout(wait).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
        String base = publicUrl.toString().endsWith("/") ? publicUrl.toString() : publicUrl + "/";
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(base + "health/alive"))
                    .timeout(wait).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String seconds(long sinceNanos) {
        return String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - sinceNanos) / 1e9);
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }

    /** The nine steps, with what each printed; fails fast on the first step that does not go as expected. */
    private final class Journey {

        private final CommandContext ctx;
        private final Kratos kratos;
        private final Optional<CodeSource> codes;
        private final ObjectNode json;
        private final ArrayNode steps;
        private final String address;
        private Secret password = newPassword();
        private Optional<SessionToken> registrationSession = Optional.empty();
        private Optional<FlowId> verificationFlow = Optional.empty();
        private SessionToken loginSession;
        private SessionToken recoveredSession;
        private RecoveryOutcome.Recovered recovery;
        private int passed;
        private int skipped;

        Journey(CommandContext ctx, Kratos kratos, Optional<CodeSource> codes, ObjectNode json) {
            this.ctx = ctx;
            this.kratos = kratos;
            this.codes = codes;
            this.json = json;
            this.steps = json.putArray("steps");
            this.address = email != null ? email : "demo-" + HexFormat.of().formatHex(bytes(4)) + "@example.org";
            json.put("email", address);
        }

        ExitCode run(long started) {
            ctx.out().line("  identity: " + address + " (password generated, never shown)");
            ctx.connection(); // drains nothing yet; the trace starts empty
            step(1, "Register with a password", this::register);
            codeStep(2, "Verify the email address by code", this::verify);
            step(3, "Log out", () -> logout(registrationSession, "the registration session"));
            step(4, "Log in with the password", this::login);
            step(5, "Who am I", this::whoami);
            step(6, "Change the password (settings)", this::changePassword);
            codeStep(7, "Recover the account by code", this::recover);
            codeStep(8, "Change the password with the recovered session", this::changePasswordAfterRecovery);
            step(9, "Log out", this::logoutAll);
            String summary = "Done: " + passed + " of " + STEPS + " steps passed" + (skipped > 0 ? ", " + skipped
                    + " skipped" : "") + " in " + seconds(started) + ".";
            ctx.out().line(summary);
            json.put("ok", true).put("passed", passed).put("skipped", skipped);
            ctx.out().result(json);
            return ExitCode.OK;
        }

        private void codeStep(int n, String title, java.util.function.Supplier<StepResult> action) {
            if (codes.isEmpty()) {
                skipped++;
                ctx.out().line(String.format("[%d/%d] %s", n, STEPS, title));
                ctx.out().line("      SKIP  codes cannot be read: pass --admin-url so the demo reads them from"
                        + " Kratos's courier (admin API)");
                steps.addObject().put("step", n).put("title", title).put("status", "skipped");
                return;
            }
            step(n, title, action);
        }

        private void step(int n, String title, java.util.function.Supplier<StepResult> action) {
            ctx.out().line(String.format("[%d/%d] %s", n, STEPS, title));
            ObjectNode record = steps.addObject().put("step", n).put("title", title);
            StepResult result;
            try {
                result = action.get();
            } catch (RuntimeException e) {
                printRequests(record);
                CliException failure = KratosFlowsCli.map(e);
                ctx.out().line("      FAIL  " + KratosFlowsCli.oneLine(failure.getMessage()));
                record.put("status", "failed");
                throw new CliException(failure.exitCode(), "demo step " + n + " (" + title + ") failed: "
                        + failure.getMessage(), e);
            }
            printRequests(record);
            result.messages().forEach(m -> ctx.out().line("      " + m));
            ctx.out().line("      OK    " + result.summary());
            ArrayNode messages = record.put("status", "ok").put("outcome", result.summary()).putArray("messages");
            result.messages().forEach(messages::add);
            passed++;
        }

        private void printRequests(ObjectNode record) {
            ArrayNode requests = record.putArray("requests");
            for (HttpExchange e : ctx.connection().trace().drain()) {
                ctx.out().line("      " + e.line());
                requests.add(e.line());
            }
        }

        private StepResult register() {
            var flow = kratos.registration().start();
            RegistrationOutcome outcome = kratos.registration().submit(flow,
                    new RegistrationMethod.Password(Traits.email(address), password));
            if (!(outcome instanceof RegistrationOutcome.Completed done)) {
                throw unexpected("registration", outcome, outcomeUi(outcome));
            }
            registrationSession = done.token();
            verificationFlow = done.verificationFlow();
            List<String> notes = new ArrayList<>(Describe.continueWith(done.continueWith()).stream().map(c -> "next: " + c).toList());
            return new StepResult("registered " + Describe.identity(done.identity())
                    + (done.token().isPresent() ? "; a session was issued (token kept in memory, not shown)" : "; no session issued"),
                    notes);
        }

        private StepResult verify() {
            VerificationFlow flow = verificationFlow.isPresent() ? kratos.verification().fetch(verificationFlow.get())
                    : requestVerification();
            String code = awaitCode(CodePurpose.VERIFICATION, "verification");
            VerificationOutcome outcome = kratos.verification().submit(flow, VerificationMethod.Code.submit(Secret.of(code)));
            if (!(outcome instanceof VerificationOutcome.Verified verified)) {
                throw unexpected("verification", outcome, Optional.empty());
            }
            return new StepResult("the address " + address + " is verified (code read from the mail, not shown)",
                    UiRenderer.messages(verified.flow().ui(), false));
        }

        private VerificationFlow requestVerification() {
            VerificationFlow flow = kratos.verification().start();
            VerificationOutcome sent = kratos.verification().submit(flow, VerificationMethod.Code.request(address));
            if (!(sent instanceof VerificationOutcome.CodeSent codeSent)) {
                throw unexpected("verification", sent, Optional.empty());
            }
            return codeSent.flow();
        }

        private String awaitCode(CodePurpose purpose, String what) {
            CodeSource source = codes.orElseThrow();
            return Spinner.during(ctx.spinnerEnabled(), ctx.terminal().err(), "waiting for the " + what + " code",
                    () -> source.await(address, purpose, codeTimeout)).orElseThrow(() -> new CliException(
                            ExitCode.UNEXPECTED_RESPONSE, "no " + what + " code arrived for " + address + " within "
                                    + codeTimeout.toSeconds() + " s (read from " + source.describe() + ")"));
        }

        private StepResult logout(Optional<SessionToken> token, String which) {
            if (token.isEmpty()) {
                return new StepResult("nothing to log out: Kratos issued no session at registration", List.of());
            }
            LogoutOutcome outcome = kratos.sessions().logout(token.get());
            if (!(outcome instanceof LogoutOutcome.LoggedOut)) {
                throw unexpected("logout", outcome, Optional.empty());
            }
            return new StepResult(which + " is revoked", List.of());
        }

        private StepResult login() {
            var flow = kratos.login().start();
            LoginOutcome outcome = kratos.login().submit(flow, new LoginMethod.Password(address, password));
            if (!(outcome instanceof LoginOutcome.Completed done)) {
                throw unexpected("login", outcome, outcome instanceof LoginOutcome.NeedsInput n
                        ? Optional.of(n.flow().ui()) : Optional.empty());
            }
            loginSession = done.token();
            return new StepResult("signed in: " + Describe.session(done.session()), List.of());
        }

        private StepResult whoami() {
            WhoamiOutcome outcome = kratos.sessions().whoami(loginSession);
            if (!(outcome instanceof WhoamiOutcome.Active active)) {
                throw unexpected("whoami", outcome, Optional.empty());
            }
            List<String> addresses = active.session().identity().map(i -> i.verifiableAddresses().stream()
                    .map(a -> "address " + a.value() + ": " + (a.verified() ? "verified" : "not verified")).toList())
                    .orElse(List.of());
            return new StepResult("active session: " + Describe.session(active.session()), addresses);
        }

        private StepResult changePassword() {
            Secret old = password;
            Secret next = newPassword();
            SettingsFlow flow = kratos.settings().start(loginSession);
            SettingsOutcome outcome = kratos.settings().submitReauthenticating(flow, new SettingsMethod.Password(next),
                    login -> new LoginMethod.Password(address, old));
            if (!(outcome instanceof SettingsOutcome.Saved saved)) {
                throw unexpected("password change", outcome, Optional.empty());
            }
            password = next;
            return new StepResult("the password is changed (new one generated, not shown)",
                    UiRenderer.messages(saved.flow().ui(), false));
        }

        private StepResult recover() {
            RecoveryFlow flow = kratos.recovery().start();
            RecoveryOutcome sent = kratos.recovery().submit(flow, RecoveryMethod.Code.request(address));
            if (!(sent instanceof RecoveryOutcome.CodeSent codeSent)) {
                throw unexpected("recovery", sent, Optional.empty());
            }
            List<String> messages = new ArrayList<>(UiRenderer.messages(codeSent.flow().ui(), false));
            String code = awaitCode(CodePurpose.RECOVERY, "recovery");
            RecoveryOutcome outcome = kratos.recovery().submit(codeSent.flow(), RecoveryMethod.Code.submit(Secret.of(code)));
            if (outcome instanceof RecoveryOutcome.BrowserRequired browser) {
                throw new CliException(ExitCode.BROWSER_REQUIRED, browser.hint());
            }
            if (!(outcome instanceof RecoveryOutcome.Recovered recovered)) {
                throw unexpected("recovery", outcome, Optional.empty());
            }
            messages.addAll(UiRenderer.messages(recovered.flow().ui(), false));
            recoveredSession = recovered.token();
            recovery = recovered;
            return new StepResult("recovered: a new session was issued (token not shown)"
                    + recovered.settingsFlow().map(f -> "; continue in settings flow " + f).orElse(""), messages);
        }

        private StepResult changePasswordAfterRecovery() {
            Secret next = newPassword();
            SettingsFlow flow = kratos.settings().afterRecovery(recovery);
            SettingsOutcome outcome = kratos.settings().submit(flow, new SettingsMethod.Password(next));
            if (!(outcome instanceof SettingsOutcome.Saved saved)) {
                throw unexpected("password change", outcome, Optional.empty());
            }
            password = next;
            return new StepResult("the password is changed with the recovered session",
                    UiRenderer.messages(saved.flow().ui(), false));
        }

        private StepResult logoutAll() {
            List<String> notes = new ArrayList<>();
            for (SessionToken token : Stream.of(recoveredSession, loginSession).filter(t -> t != null).toList()) {
                LogoutOutcome outcome = kratos.sessions().logout(token);
                notes.add(token == recoveredSession ? "the recovered session: " + describe(outcome)
                        : "the login session: " + describe(outcome));
            }
            WhoamiOutcome after = kratos.sessions().whoami(loginSession);
            if (!(after instanceof WhoamiOutcome.NotSignedIn)) {
                throw new CliException(ExitCode.UNEXPECTED_RESPONSE, "the session still answers whoami after logout");
            }
            return new StepResult("signed out; whoami now answers 401 (not signed in)", notes);
        }

        private String describe(LogoutOutcome outcome) {
            // Kratos may already have revoked the login session when the password changed.
            return outcome instanceof LogoutOutcome.LoggedOut ? "revoked" : "already gone";
        }

        private CliException unexpected(String what, Object outcome, Optional<Ui> ui) {
            String detail = ui.map(u -> " " + String.join(" ", UiRenderer.messages(u, false))).orElse("");
            return new CliException(ExitCode.UNEXPECTED_RESPONSE, what + " answered "
                    + outcome.getClass().getSimpleName() + detail);
        }

        private Optional<Ui> outcomeUi(RegistrationOutcome outcome) {
            return outcome instanceof RegistrationOutcome.NeedsInput n ? Optional.of(n.flow().ui()) : Optional.empty();
        }
    }

    /**
     * What a step printed: its outcome in one line and Kratos's messages (or other notes).
     *
     * @param summary  the outcome
     * @param messages the messages, one per line
     */
    private record StepResult(String summary, List<String> messages) {
        StepResult {
            messages = List.copyOf(messages);
        }
    }

    private static Secret newPassword() {
        return Secret.of("Kf-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(18)));
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
