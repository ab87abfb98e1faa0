package io.kratosflows.cli;

import io.kratosflows.FlowId;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.login.LoginFlow;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOptions;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.ui.NodeAttributes;
import io.kratosflows.ui.UiNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kratos-flows login}: a native login ({@code GET /self-service/login/api}, then
 * {@code POST /self-service/login?flow=}) by password, code, social sign-in or, for a session
 * that needs it, a second factor; follows every outcome and keeps the session token as asked.
 */
@Command(name = "login", mixinStandardHelpOptions = true, versionProvider = KratosFlowsCli.Version.class, sortOptions = false,
        description = {"Sign in and keep the session token.",
            "Example: printf '%%s\\n' \"$PASSWORD\" | kratos-flows login --email ada@example.org --password-stdin --token-file ~/.kratos-token",
            "Standard input: one value per line, in this order: --password-stdin, then the code (--code-stdin,"
                + " --totp-code-stdin or --lookup-code-stdin)."})
final class LoginCommand extends FlowCommand {

    @Option(names = {"--email", "--identifier"}, paramLabel = "ID", description = "The identifier (usually the email).")
    String identifier;

    @Option(names = "--method", paramLabel = "METHOD",
            description = "password, code, oidc, totp, lookup_secret or identifier_first (default: asked on a terminal).")
    String method;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    @Option(names = "--code", paramLabel = "CODE",
            description = "The login code from the email (with --flow). Visible to other users in the process list: prefer --code-stdin.")
    String code;

    @Option(names = "--code-stdin", description = "Read the login code from standard input (with --flow, or when the code is sent).")
    boolean codeStdin;

    @Option(names = "--flow", paramLabel = "ID", description = "Continue this login flow (e.g. after a code was sent).")
    String flowId;

    @Option(names = "--provider", paramLabel = "ID", description = "The social sign-in provider for --method oidc.")
    String provider;

    @Option(names = "--totp-code", paramLabel = "CODE",
            description = "An authenticator app code, when a second factor is required. Visible to other users in the"
                    + " process list: prefer --totp-code-stdin.")
    String totpCode;

    @Option(names = "--totp-code-stdin", description = "Read the authenticator app code from standard input.")
    boolean totpCodeStdin;

    @Option(names = "--lookup-code", paramLabel = "CODE",
            description = "A backup code, when a second factor is required. Visible to other users in the process"
                    + " list: prefer --lookup-code-stdin.")
    String lookupCode;

    @Option(names = "--lookup-code-stdin", description = "Read the backup code from standard input.")
    boolean lookupCodeStdin;

    @Option(names = "--refresh", description = "Re-authenticate the session in --token-file / $KRATOS_SESSION_TOKEN.")
    boolean refresh;

    @Option(names = "--aal2", description = "Add a second factor to the session in --token-file / $KRATOS_SESSION_TOKEN.")
    boolean aal2;

    @Option(names = "--return-to", paramLabel = "URL", description = "return_to for a browser hand-over.")
    String returnTo;

    @Option(names = "--exchange-code-file", paramLabel = "FILE",
            description = "Ask for a session token exchange code and write it to FILE (0600), for token-exchange.")
    Path exchangeCodeFile;

    @Mixin
    TokenOutput tokens;

    @Mixin
    DesktopSocialSignIn.Options desktop;

    @Override
    ExitCode run(CommandContext ctx) {
        if ("oidc".equals(method) && flowId == null && returnTo == null && exchangeCodeFile == null && !refresh && !aal2
                && desktop.wanted(ctx)) {
            return DesktopSocialSignIn.run(ctx, kratos(ctx), Optional.ofNullable(provider), desktop, tokens);
        }
        Optional<SessionToken> current = refresh || aal2 ? Optional.of(requireToken(ctx, tokens.tokenFile).token())
                : Optional.empty();
        LoginFlow flow = flowId != null
                ? current.map(t -> kratos(ctx).login().fetch(FlowId.of(flowId), t))
                        .orElseGet(() -> kratos(ctx).login().fetch(FlowId.of(flowId)))
                : kratos(ctx).login().start(options(current));
        if (exchangeCodeFile != null) {
            Secret exchange = flow.sessionTokenExchangeCode().orElseThrow(() -> new CliException(
                    ExitCode.UNEXPECTED_RESPONSE, "Kratos sent no session token exchange code for flow " + flow));
            TokenFiles.write(exchangeCodeFile, exchange);
            ctx.out().line("  exchange code written to " + exchangeCodeFile + " (mode 0600)");
        }
        ctx.out().line("Login flow " + flow.id() + " (methods: " + String.join(", ", flow.methods()) + ")");
        ctx.data().put("flow", flow.id().value());
        Follow follow = new Follow(ctx, flow, chooseMethod(ctx, flow));
        follow(ctx, "login", flow, payload(ctx, flow, follow.chosen, true), kratos(ctx).login()::submit,
                outcome -> outcome.handle(follow));
        return ExitCode.OK;
    }

    /** What the login does after each outcome: continue in the flow, or end (done or thrown). */
    private final class Follow implements LoginOutcome.Handler<Optional<Next<LoginFlow, LoginMethod>>> {

        private final CommandContext ctx;
        private LoginFlow current;
        private String chosen;
        private int retries;

        Follow(CommandContext ctx, LoginFlow flow, String chosen) {
            this.ctx = ctx;
            this.current = flow;
            this.chosen = chosen;
        }

        private Optional<Next<LoginFlow, LoginMethod>> next(LoginFlow flow, LoginMethod payload) {
            current = flow;
            return Optional.of(new Next<>(flow, payload));
        }

        @Override
        public Optional<Next<LoginFlow, LoginMethod>> completed(LoginOutcome.Completed done) {
            ctx.out().line("Signed in: " + Describe.session(done.session()));
            Describe.continueWith(done.continueWith()).forEach(c -> ctx.out().line("  next: " + c));
            ctx.data().set("session", Describe.sessionJson(done.session()));
            deliverToken(ctx, done.token(), tokens);
            return Optional.empty();
        }

        @Override
        public Optional<Next<LoginFlow, LoginMethod>> needsInput(LoginOutcome.NeedsInput needs) {
            current = needs.flow();
            ctx.out().messages(current.ui(), false);
            if (!current.ui().hasErrors() && ctx.interactive()) {
                // identifier-first: Kratos now offers the methods for that identifier
                chosen = chooseMethod(ctx, current);
                return next(current, payload(ctx, current, chosen, false));
            }
            if (ctx.interactive() && !passwordStdin && ++retries < 3) {
                return next(current, payload(ctx, current, chosen, false));
            }
            throw rejected("login", current.ui());
        }

        @Override
        public Optional<Next<LoginFlow, LoginMethod>> codeSent(LoginOutcome.CodeSent sent) {
            current = sent.flow();
            ctx.out().messages(current.ui(), false);
            String id = identifier(ctx, current);
            if (!ctx.interactive() && !codeStdin) {
                ctx.out().line("Continue with: kratos-flows login --flow " + current.id()
                        + " --method code --email " + id + " --code-stdin");
                ctx.data().put("flow", current.id().value());
                return Optional.empty();
            }
            return next(current, LoginMethod.Code.submit(id, code(ctx, Optional.empty(), "Login code from the email",
                    "--code-stdin")));
        }

        @Override
        public Optional<Next<LoginFlow, LoginMethod>> secondFactorRequired(LoginOutcome.SecondFactorRequired second) {
            ctx.out().line("The password was right; Kratos requires a second factor.");
            boolean given = totpCode != null || lookupCode != null || totpCodeStdin || lookupCodeStdin;
            if (!ctx.interactive() && !given) {
                // Keep the first-factor session where --aal2 will read it, so the rerun adds the second factor.
                Optional<Path> file = tokenTarget(ctx, tokens);
                file.ifPresent(f -> TokenFiles.write(f, second.token()));
                throw CliException.authFailed("second factor required: rerun with 'kratos-flows login --aal2"
                        + file.map(f -> f.equals(tokens.tokenFile) ? " --token-file " + f : "").orElse(" --token-file FILE")
                        + " --totp-code-stdin' (or --lookup-code-stdin)");
            }
            LoginFlow secondFactor = kratos(ctx).login().start(LoginOptions.secondFactor(second.token()));
            chosen = totpCode != null || totpCodeStdin ? "totp" : lookupCode != null || lookupCodeStdin ? "lookup_secret"
                    : chooseMethod(ctx, secondFactor);
            return next(secondFactor, payload(ctx, secondFactor, chosen, true));
        }

        @Override
        public Optional<Next<LoginFlow, LoginMethod>> flowExpired(LoginOutcome.FlowExpired expired) {
            if (!ctx.interactive()) {
                throw Outcomes.expired("login", "expired (" + expired.error().summary() + ")", Optional.empty());
            }
            LoginFlow fresh = kratos(ctx).login().restart(expired);
            ctx.out().line("The flow expired; continuing in flow " + fresh.id());
            return next(fresh, payload(ctx, fresh, chosen, false));
        }

        @Override
        public Optional<Next<LoginFlow, LoginMethod>> browserRequired(LoginOutcome.BrowserRequired browser) {
            throw Outcomes.browserRequired(ctx, browser.redirectBrowserTo());
        }

        @Override
        public Optional<Next<LoginFlow, LoginMethod>> verificationRequired(LoginOutcome.VerificationRequired unverified) {
            throw CliException.authFailed("the address " + unverified.address().orElse("of this account")
                    + " is not verified yet; verify it first"
                    + unverified.verificationFlow().map(f -> " (kratos-flows verify --flow " + f + " --code-stdin)").orElse(""));
        }

        @Override
        public Optional<Next<LoginFlow, LoginMethod>> methodUnavailable(LoginOutcome.MethodUnavailable unavailable) {
            throw Outcomes.unavailable(unavailable.method(), current.methods());
        }

        @Override
        public Optional<Next<LoginFlow, LoginMethod>> tooManyAttempts(LoginOutcome.TooManyAttempts tooMany) {
            ctx.out().messages(tooMany.flow().ui(), false);
            throw Outcomes.tooManyAttempts(Optional.empty());
        }

        @Override
        public Optional<Next<LoginFlow, LoginMethod>> identityDisabled(LoginOutcome.IdentityDisabled disabled) {
            throw Outcomes.identityDisabled();
        }
    }

    private LoginOptions options(Optional<SessionToken> current) {
        LoginOptions options = LoginOptions.defaults();
        if (current.isPresent()) {
            options = aal2 ? LoginOptions.secondFactor(current.get()).withRefresh(refresh)
                    : LoginOptions.refresh(current.get());
        }
        if (returnTo != null) {
            options = options.withReturnTo(returnTo);
        }
        if (exchangeCodeFile != null) {
            options = options.withSessionTokenExchangeCode();
        }
        return options;
    }

    private String chooseMethod(CommandContext ctx, LoginFlow flow) {
        List<String> offered = flow.methods();
        if (offered.isEmpty()) {
            throw CliException.invalidInput("login flow " + flow.id() + " offers no sign-in method (this Kratos enables"
                    + " none for it)");
        }
        if (method != null) {
            String wanted = method.equals("oidc") && provider != null ? "oidc" : method;
            if (!offered.contains(wanted)) {
                throw CliException.invalidInput("method '" + method + "' is not offered by this login flow (offered: "
                        + String.join(", ", offered) + ")");
            }
            return wanted;
        }
        if ((code != null || codeStdin) && offered.contains("code")) {
            return "code";
        }
        if (passwordStdin && offered.contains("password")) {
            return "password";
        }
        if ((totpCode != null || totpCodeStdin) && offered.contains("totp")) {
            return "totp";
        }
        if ((lookupCode != null || lookupCodeStdin) && offered.contains("lookup_secret")) {
            return "lookup_secret";
        }
        if (!ctx.interactive()) {
            throw CliException.invalidInput("choose a method with --method (offered: " + String.join(", ", offered)
                    + ") or pass --password-stdin");
        }
        List<Prompter.Choice<String>> choices = new ArrayList<>();
        for (String group : offered) {
            if (group.equals("oidc")) {
                providerButtons(flow).forEach(p -> choices.add(new Prompter.Choice<>(p.label(), "oidc:" + p.value())));
            } else if (!group.equals("passkey") && !group.equals("webauthn")) {
                choices.add(new Prompter.Choice<>(methodLabel(flow.ui(), group).orElse(group) + " (" + group + ")", group));
            } else {
                choices.add(new Prompter.Choice<>(group + " (needs a browser)", group));
            }
        }
        String picked = ctx.prompter().choose("How do you want to sign in", choices);
        if (picked.startsWith("oidc:")) {
            provider = picked.substring("oidc:".length());
            return "oidc";
        }
        return picked;
    }

    private LoginMethod payload(CommandContext ctx, LoginFlow flow, String chosen, boolean first) {
        switch (chosen) {
            case "password":
                return new LoginMethod.Password(identifier(ctx, flow), password(ctx, passwordStdin && first, "Password"));
            case "code":
                String id = identifier(ctx, flow);
                if ((code != null || codeStdin) && first && flowId != null) {
                    return LoginMethod.Code.submit(id, code(ctx, Optional.ofNullable(code), "Login code", "--code-stdin"));
                }
                return LoginMethod.Code.request(id);
            case "oidc":
                return LoginMethod.Oidc.provider(provider != null ? provider : pickProvider(ctx, flow));
            case "totp":
                return new LoginMethod.Totp(secondFactorCode(ctx, first ? totpCode : null, first && totpCodeStdin,
                        "Authenticator app code", "--totp-code-stdin"));
            case "lookup_secret":
                return new LoginMethod.LookupSecret(secondFactorCode(ctx, first ? lookupCode : null,
                        first && lookupCodeStdin, "Backup code", "--lookup-code-stdin"));
            case "identifier_first":
                return new LoginMethod.IdentifierFirst(identifier(ctx, flow));
            case "passkey":
            case "webauthn":
                throw new CliException(ExitCode.BROWSER_REQUIRED, chosen
                        + " sign-in needs a browser or a platform authenticator; choose another method");
            default:
                throw CliException.invalidInput("method '" + chosen + "' is not supported by this client"
                        + " (supported: password, code, oidc, totp, lookup_secret, identifier_first)");
        }
    }

    /** The argument, else standard input when its option was given, else a prompt; the stdin line is read once. */
    private static Secret secondFactorCode(CommandContext ctx, String argument, boolean stdin, String label, String option) {
        if (argument == null && !stdin) {
            if (!ctx.interactive()) {
                throw CliException.invalidInput("missing " + label.toLowerCase(java.util.Locale.ROOT) + ": pass " + option);
            }
            return ctx.prompter().secret(label, true);
        }
        return code(ctx, Optional.ofNullable(argument), label, option);
    }

    private String identifier(CommandContext ctx, LoginFlow flow) {
        if (identifier == null || identifier.isBlank()) {
            Optional<String> preset = inputValue(flow.ui(), "identifier");
            String label = flow.ui().node("identifier").map(UiRenderer::label).orElse("Email");
            identifier = preset.isPresent() && !ctx.interactive() ? preset.get()
                    : value(ctx, null, label, "--email", preset);
        }
        return identifier;
    }

    private String pickProvider(CommandContext ctx, LoginFlow flow) {
        List<Prompter.Choice<String>> providers = providerButtons(flow);
        if (providers.isEmpty()) {
            throw CliException.invalidInput("this login flow offers no social sign-in provider");
        }
        if (!ctx.interactive()) {
            throw CliException.invalidInput("choose a provider with --provider (offered: "
                    + String.join(", ", providers.stream().map(Prompter.Choice::value).toList()) + ")");
        }
        return ctx.prompter().choose("Provider", providers);
    }

    static List<Prompter.Choice<String>> providerButtons(LoginFlow flow) {
        return providers(flow.ui().nodes("oidc"));
    }

    static List<Prompter.Choice<String>> providers(List<UiNode> oidcNodes) {
        List<Prompter.Choice<String>> choices = new ArrayList<>();
        for (UiNode node : oidcNodes) {
            node.input().filter(NodeAttributes.Input::isButton)
                    .flatMap(i -> i.valueAsString().filter(v -> !v.isBlank()))
                    .ifPresent(v -> choices.add(new Prompter.Choice<>(UiRenderer.label(node), v)));
        }
        return choices;
    }
}
