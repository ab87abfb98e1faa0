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
        ObjectNode json = ctx.data();
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
            json.put("passed", passed).put("skipped", skipped);
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
            RegistrationOutcome.Completed done = outcome.handle(new RegistrationOutcome.Handler<>() {
                @Override
                public RegistrationOutcome.Completed completed(RegistrationOutcome.Completed completed) {
                    return completed;
                }

                @Override
                public RegistrationOutcome.Completed needsInput(RegistrationOutcome.NeedsInput needs) {
                    throw rejected("registration", needs.flow().ui());
                }

                @Override
                public RegistrationOutcome.Completed codeSent(RegistrationOutcome.CodeSent sent) {
                    throw Outcomes.unexpected("registration by password", sent);
                }

                @Override
                public RegistrationOutcome.Completed chooseMethod(RegistrationOutcome.ChooseMethod choose) {
                    throw Outcomes.unexpected("registration by password", choose);
                }

                @Override
                public RegistrationOutcome.Completed flowExpired(RegistrationOutcome.FlowExpired expired) {
                    throw Outcomes.expired("registration", "expired", Optional.empty());
                }

                @Override
                public RegistrationOutcome.Completed browserRequired(RegistrationOutcome.BrowserRequired browser) {
                    throw browser(browser.redirectBrowserTo());
                }

                @Override
                public RegistrationOutcome.Completed methodUnavailable(RegistrationOutcome.MethodUnavailable unavailable) {
                    throw Outcomes.unavailable(unavailable.method(), flow.methods());
                }

                @Override
                public RegistrationOutcome.Completed tooManyAttempts(RegistrationOutcome.TooManyAttempts tooMany) {
                    throw Outcomes.unexpected("registration by password", tooMany);
                }
            });
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
            VerificationFlow verified = outcome.handle(new Expect.Verification("verification") {
                @Override
                public VerificationFlow verified(VerificationOutcome.Verified verified) {
                    return verified.flow();
                }

                @Override
                public VerificationFlow codeSent(VerificationOutcome.CodeSent sent) {
                    throw Outcomes.unexpected("verification by code", sent);
                }
            });
            return new StepResult("the address " + address + " is verified (code read from the mail, not shown)",
                    UiRenderer.messages(verified.ui(), false));
        }

        private VerificationFlow requestVerification() {
            VerificationFlow flow = kratos.verification().start();
            VerificationOutcome sent = kratos.verification().submit(flow, VerificationMethod.Code.request(address));
            return sent.handle(new Expect.Verification("verification request") {
                @Override
                public VerificationFlow verified(VerificationOutcome.Verified verified) {
                    throw Outcomes.unexpected("verification request", verified);
                }

                @Override
                public VerificationFlow codeSent(VerificationOutcome.CodeSent codeSent) {
                    return codeSent.flow();
                }
            });
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
            return kratos.sessions().logout(token.get()).handle(new LogoutOutcome.Handler<>() {
                @Override
                public StepResult loggedOut(LogoutOutcome.LoggedOut loggedOut) {
                    return new StepResult(which + " is revoked", List.of());
                }

                @Override
                public StepResult sessionNotFound(LogoutOutcome.SessionNotFound notFound) {
                    throw CliException.authFailed(which + " is unknown to Kratos (" + notFound.error().summary() + ")");
                }
            });
        }

        private StepResult login() {
            var flow = kratos.login().start();
            LoginOutcome outcome = kratos.login().submit(flow, new LoginMethod.Password(address, password));
            LoginOutcome.Completed done = outcome.handle(new LoginOutcome.Handler<>() {
                @Override
                public LoginOutcome.Completed completed(LoginOutcome.Completed completed) {
                    return completed;
                }

                @Override
                public LoginOutcome.Completed needsInput(LoginOutcome.NeedsInput needs) {
                    throw rejected("login", needs.flow().ui());
                }

                @Override
                public LoginOutcome.Completed codeSent(LoginOutcome.CodeSent sent) {
                    throw Outcomes.unexpected("login by password", sent);
                }

                @Override
                public LoginOutcome.Completed secondFactorRequired(LoginOutcome.SecondFactorRequired second) {
                    throw CliException.authFailed("login: Kratos requires a second factor for the demo identity");
                }

                @Override
                public LoginOutcome.Completed flowExpired(LoginOutcome.FlowExpired expired) {
                    throw Outcomes.expired("login", "expired", Optional.empty());
                }

                @Override
                public LoginOutcome.Completed browserRequired(LoginOutcome.BrowserRequired browser) {
                    throw browser(browser.redirectBrowserTo());
                }

                @Override
                public LoginOutcome.Completed verificationRequired(LoginOutcome.VerificationRequired unverified) {
                    throw CliException.authFailed("login: Kratos requires a verified address first");
                }

                @Override
                public LoginOutcome.Completed methodUnavailable(LoginOutcome.MethodUnavailable unavailable) {
                    throw Outcomes.unavailable(unavailable.method(), flow.methods());
                }

                @Override
                public LoginOutcome.Completed tooManyAttempts(LoginOutcome.TooManyAttempts tooMany) {
                    throw Outcomes.unexpected("login by password", tooMany);
                }

                @Override
                public LoginOutcome.Completed identityDisabled(LoginOutcome.IdentityDisabled disabled) {
                    throw Outcomes.identityDisabled();
                }
            });
            loginSession = done.token();
            return new StepResult("signed in: " + Describe.session(done.session()), List.of());
        }

        private StepResult whoami() {
            return kratos.sessions().whoami(loginSession).handle(new WhoamiOutcome.Handler<>() {
                @Override
                public StepResult active(WhoamiOutcome.Active active) {
                    List<String> addresses = active.session().identity().map(i -> i.verifiableAddresses().stream()
                            .map(a -> "address " + a.value() + ": " + (a.verified() ? "verified" : "not verified")).toList())
                            .orElse(List.of());
                    return new StepResult("active session: " + Describe.session(active.session()), addresses);
                }

                @Override
                public StepResult notSignedIn(WhoamiOutcome.NotSignedIn notSignedIn) {
                    throw CliException.authFailed("whoami: the new session is not signed in (" + notSignedIn.error().summary() + ")");
                }

                @Override
                public StepResult secondFactorRequired(WhoamiOutcome.SecondFactorRequired second) {
                    throw CliException.authFailed("whoami: the new session needs a second factor");
                }
            });
        }

        private StepResult changePassword() {
            Secret old = password;
            Secret next = newPassword();
            SettingsFlow flow = kratos.settings().start(loginSession);
            SettingsOutcome outcome = kratos.settings().submitReauthenticating(flow, new SettingsMethod.Password(next),
                    login -> new LoginMethod.Password(address, old));
            SettingsFlow saved = outcome.handle(new Expect.Settings("password change"));
            password = next;
            return new StepResult("the password is changed (new one generated, not shown)",
                    UiRenderer.messages(saved.ui(), false));
        }

        private StepResult recover() {
            RecoveryFlow flow = kratos.recovery().start();
            RecoveryFlow sent = kratos.recovery().submit(flow, RecoveryMethod.Code.request(address))
                    .handle(new Expect.Recovery<RecoveryFlow>("recovery request") {
                        @Override
                        public RecoveryFlow codeSent(RecoveryOutcome.CodeSent codeSent) {
                            return codeSent.flow();
                        }

                        @Override
                        public RecoveryFlow recovered(RecoveryOutcome.Recovered recovered) {
                            throw Outcomes.unexpected("recovery request", recovered);
                        }
                    });
            List<String> messages = new ArrayList<>(UiRenderer.messages(sent.ui(), false));
            String code = awaitCode(CodePurpose.RECOVERY, "recovery");
            RecoveryOutcome.Recovered recovered = kratos.recovery().submit(sent, RecoveryMethod.Code.submit(Secret.of(code)))
                    .handle(new Expect.Recovery<RecoveryOutcome.Recovered>("recovery by code") {
                        @Override
                        public RecoveryOutcome.Recovered codeSent(RecoveryOutcome.CodeSent codeSent) {
                            throw Outcomes.unexpected("recovery by code", codeSent);
                        }

                        @Override
                        public RecoveryOutcome.Recovered recovered(RecoveryOutcome.Recovered done) {
                            return done;
                        }
                    });
            messages.addAll(UiRenderer.messages(recovered.flow().ui(), false));
            recoveredSession = recovered.token();
            recovery = recovered;
            return new StepResult("recovered: a new session was issued (token not shown)"
                    + recovered.settingsFlow().map(f -> "; continue in settings flow " + f).orElse(""), messages);
        }

        private StepResult changePasswordAfterRecovery() {
            Secret next = newPassword();
            SettingsFlow flow = kratos.settings().afterRecovery(recovery);
            SettingsFlow saved = kratos.settings().submit(flow, new SettingsMethod.Password(next))
                    .handle(new Expect.Settings("password change"));
            password = next;
            return new StepResult("the password is changed with the recovered session",
                    UiRenderer.messages(saved.ui(), false));
        }

        private StepResult logoutAll() {
            List<String> notes = new ArrayList<>();
            for (SessionToken token : Stream.of(recoveredSession, loginSession).filter(t -> t != null).toList()) {
                String which = token == recoveredSession ? "the recovered session: " : "the login session: ";
                // Kratos may already have revoked the login session when the password changed.
                notes.add(which + kratos.sessions().logout(token).handle(new LogoutOutcome.Handler<String>() {
                    @Override
                    public String loggedOut(LogoutOutcome.LoggedOut loggedOut) {
                        return "revoked";
                    }

                    @Override
                    public String sessionNotFound(LogoutOutcome.SessionNotFound notFound) {
                        return "already gone";
                    }
                }));
            }
            return kratos.sessions().whoami(loginSession).handle(new WhoamiOutcome.Handler<>() {
                @Override
                public StepResult active(WhoamiOutcome.Active active) {
                    throw new CliException(ExitCode.UNEXPECTED_RESPONSE, "the session still answers whoami after logout");
                }

                @Override
                public StepResult notSignedIn(WhoamiOutcome.NotSignedIn notSignedIn) {
                    return new StepResult("signed out; whoami now answers 401 (not signed in)", notes);
                }

                @Override
                public StepResult secondFactorRequired(WhoamiOutcome.SecondFactorRequired second) {
                    throw new CliException(ExitCode.UNEXPECTED_RESPONSE, "the session still answers whoami after logout"
                            + " (asking for a second factor)");
                }
            });
        }
    }

    /** A browser hand-over, in a step that has no URL to print it to: the step fails with exit 6. */
    private static CliException browser(String url) {
        return new CliException(ExitCode.BROWSER_REQUIRED, "a browser is required: " + url);
    }

    /**
     * Handlers for the demo's steps of the flows it runs more than once. Each declares the variants
     * the steps differ in as abstract and fails on the rest with their exit codes; a variant the
     * library adds is a compile error here.
     */
    private static final class Expect {

        private Expect() {
        }

        /** A verification step; the step says what {@code codeSent} and {@code verified} mean. */
        abstract static class Verification implements VerificationOutcome.Handler<VerificationFlow> {
            private final String what;

            Verification(String what) {
                this.what = what;
            }

            @Override
            public VerificationFlow invalidCode(VerificationOutcome.InvalidCode invalid) {
                throw rejected(what, invalid.flow().ui());
            }

            @Override
            public VerificationFlow needsInput(VerificationOutcome.NeedsInput needs) {
                throw rejected(what, needs.flow().ui());
            }

            @Override
            public VerificationFlow flowExpired(VerificationOutcome.FlowExpired expired) {
                throw Outcomes.expired("verification", "expired", expired.replacement());
            }

            @Override
            public VerificationFlow alreadyUsed(VerificationOutcome.AlreadyUsed used) {
                throw Outcomes.expired("verification", "was already used", used.replacement());
            }

            @Override
            public VerificationFlow methodUnavailable(VerificationOutcome.MethodUnavailable unavailable) {
                throw Outcomes.unavailable(unavailable.method(), List.of());
            }

            @Override
            public VerificationFlow tooManyAttempts(VerificationOutcome.TooManyAttempts tooMany) {
                throw Outcomes.tooManyAttempts(tooMany.replacement());
            }
        }

        /** A recovery step; the step says what {@code codeSent} and {@code recovered} mean. */
        abstract static class Recovery<R> implements RecoveryOutcome.Handler<R> {
            private final String what;

            Recovery(String what) {
                this.what = what;
            }

            @Override
            public R invalidCode(RecoveryOutcome.InvalidCode invalid) {
                throw rejected(what, invalid.flow().ui());
            }

            @Override
            public R needsInput(RecoveryOutcome.NeedsInput needs) {
                throw rejected(what, needs.flow().ui());
            }

            @Override
            public R flowExpired(RecoveryOutcome.FlowExpired expired) {
                throw Outcomes.expired("recovery", "expired", expired.replacement());
            }

            @Override
            public R browserRequired(RecoveryOutcome.BrowserRequired browser) {
                throw new CliException(ExitCode.BROWSER_REQUIRED, browser.hint());
            }

            @Override
            public R methodUnavailable(RecoveryOutcome.MethodUnavailable unavailable) {
                throw Outcomes.unavailable(unavailable.method(), List.of());
            }

            @Override
            public R tooManyAttempts(RecoveryOutcome.TooManyAttempts tooMany) {
                throw Outcomes.tooManyAttempts(tooMany.replacement());
            }

            @Override
            public R identityDisabled(RecoveryOutcome.IdentityDisabled disabled) {
                throw Outcomes.identityDisabled();
            }
        }

        /** A password change: saved is the only way on. */
        static final class Settings implements SettingsOutcome.Handler<SettingsFlow> {
            private final String what;

            Settings(String what) {
                this.what = what;
            }

            @Override
            public SettingsFlow saved(SettingsOutcome.Saved saved) {
                return saved.flow();
            }

            @Override
            public SettingsFlow needsInput(SettingsOutcome.NeedsInput needs) {
                throw rejected(what, needs.flow().ui());
            }

            @Override
            public SettingsFlow refreshRequired(SettingsOutcome.RefreshRequired refresh) {
                throw CliException.authFailed(what + ": the re-authentication did not complete (" + refresh.error().summary() + ")");
            }

            @Override
            public SettingsFlow secondFactorRequired(SettingsOutcome.SecondFactorRequired second) {
                throw CliException.authFailed(what + ": Kratos requires a second factor");
            }

            @Override
            public SettingsFlow flowExpired(SettingsOutcome.FlowExpired expired) {
                throw Outcomes.expired("settings", "expired", Optional.empty());
            }

            @Override
            public SettingsFlow browserRequired(SettingsOutcome.BrowserRequired browser) {
                throw browser(browser.redirectBrowserTo());
            }

            @Override
            public SettingsFlow methodUnavailable(SettingsOutcome.MethodUnavailable unavailable) {
                throw Outcomes.unavailable(unavailable.method(), List.of());
            }

            @Override
            public SettingsFlow lookupSecretsShown(SettingsOutcome.LookupSecretsShown shown) {
                throw Outcomes.unexpected(what, shown);
            }

            @Override
            public SettingsFlow verificationRequired(SettingsOutcome.VerificationRequired verify) {
                throw Outcomes.unexpected(what, verify);
            }
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
        Random.INSTANCE.nextBytes(b);
        return b;
    }

    /** Made on first use: seeding a SecureRandom is not free, and only the demo needs one. */
    private static final class Random {
        static final SecureRandom INSTANCE = new SecureRandom();
    }
}
