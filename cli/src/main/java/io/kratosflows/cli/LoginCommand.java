package io.kratosflows.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
            "Example: printf '%%s\\n' \"$PASSWORD\" | kratos-flows login --email ada@example.org --password-stdin --token-file ~/.kratos-token"})
final class LoginCommand extends FlowCommand {

    private static final int MAX_STEPS = 12;

    @Option(names = {"--email", "--identifier"}, paramLabel = "ID", description = "The identifier (usually the email).")
    String identifier;

    @Option(names = "--method", paramLabel = "METHOD",
            description = "password, code, oidc, totp, lookup_secret or identifier_first (default: asked on a terminal).")
    String method;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    @Option(names = "--code", paramLabel = "CODE", description = "The login code from the email (with --flow).")
    String code;

    @Option(names = "--flow", paramLabel = "ID", description = "Continue this login flow (e.g. after a code was sent).")
    String flowId;

    @Option(names = "--provider", paramLabel = "ID", description = "The social sign-in provider for --method oidc.")
    String provider;

    @Option(names = "--totp-code", paramLabel = "CODE", description = "An authenticator app code, when a second factor is required.")
    String totpCode;

    @Option(names = "--lookup-code", paramLabel = "CODE", description = "A backup code, when a second factor is required.")
    String lookupCode;

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
        ObjectNode json = Output.object().put("command", "login");
        if ("oidc".equals(method) && flowId == null && returnTo == null && exchangeCodeFile == null && !refresh && !aal2
                && desktop.wanted(ctx)) {
            return DesktopSocialSignIn.run(ctx, kratos(ctx), Optional.ofNullable(provider), desktop, tokens, json);
        }
        Optional<SessionToken> current = refresh || aal2 ? Optional.of(requireToken(ctx, tokens.tokenFile))
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
        json.put("flow", flow.id().value());
        LoginFlow currentFlow = flow;
        String chosen = chooseMethod(ctx, currentFlow);
        LoginMethod payload = payload(ctx, currentFlow, chosen, true);
        int retries = 0;
        for (int step = 0; step < MAX_STEPS; step++) {
            LoginOutcome outcome = kratos(ctx).login().submit(currentFlow, payload);
            if (outcome instanceof LoginOutcome.Completed done) {
                ctx.out().line("Signed in: " + Describe.session(done.session()));
                Describe.continueWith(done.continueWith()).forEach(c -> ctx.out().line("  next: " + c));
                json.put("outcome", "completed").set("session", Describe.sessionJson(done.session()));
                deliverToken(ctx, done.token(), tokens, json);
                ctx.out().result(json);
                return ExitCode.OK;
            } else if (outcome instanceof LoginOutcome.NeedsInput needs) {
                currentFlow = needs.flow();
                ctx.out().messages(currentFlow.ui(), false);
                if (!currentFlow.ui().hasErrors() && ctx.interactive()) {
                    // identifier-first: Kratos now offers the methods for that identifier
                    chosen = chooseMethod(ctx, currentFlow);
                    payload = payload(ctx, currentFlow, chosen, false);
                    continue;
                }
                if (ctx.interactive() && !passwordStdin && ++retries < 3) {
                    payload = payload(ctx, currentFlow, chosen, false);
                    continue;
                }
                throw rejected("login", currentFlow.ui());
            } else if (outcome instanceof LoginOutcome.CodeSent sent) {
                currentFlow = sent.flow();
                ctx.out().messages(currentFlow.ui(), false);
                String id = identifier(ctx, currentFlow);
                if (!ctx.interactive()) {
                    ctx.out().line("Continue with: kratos-flows login --flow " + currentFlow.id()
                            + " --method code --email " + id + " --code CODE");
                    json.put("outcome", "code_sent").put("flow", currentFlow.id().value());
                    ctx.out().result(json);
                    return ExitCode.OK;
                }
                payload = LoginMethod.Code.submit(id, ctx.prompter().secret("Login code from the email", true));
            } else if (outcome instanceof LoginOutcome.SecondFactorRequired second) {
                ctx.out().line("The password was right; Kratos requires a second factor.");
                if (!ctx.interactive() && totpCode == null && lookupCode == null) {
                    if (tokens.tokenFile != null) {
                        TokenFiles.write(tokens.tokenFile, second.token());
                    }
                    throw CliException.authFailed("second factor required: rerun with --aal2 --token-file FILE"
                            + " --totp-code CODE (or --lookup-code CODE)");
                }
                currentFlow = kratos(ctx).login().start(LoginOptions.secondFactor(second.token()));
                chosen = totpCode != null ? "totp" : lookupCode != null ? "lookup_secret" : chooseMethod(ctx, currentFlow);
                payload = payload(ctx, currentFlow, chosen, true);
            } else if (outcome instanceof LoginOutcome.FlowExpired expired) {
                if (!ctx.interactive()) {
                    throw new CliException(ExitCode.FLOW_EXPIRED, "the login flow expired: start again ("
                            + expired.error().summary() + ")");
                }
                currentFlow = kratos(ctx).login().restart(expired);
                ctx.out().line("The flow expired; continuing in flow " + currentFlow.id());
                payload = payload(ctx, currentFlow, chosen, false);
            } else if (outcome instanceof LoginOutcome.VerificationRequired unverified) {
                throw CliException.authFailed("the address " + unverified.address().orElse("of this account")
                        + " is not verified yet; verify it first"
                        + unverified.verificationFlow().map(f -> " (kratos-flows verify --flow " + f + " --code CODE)").orElse(""));
            } else if (outcome instanceof LoginOutcome.MethodUnavailable unavailable) {
                throw unavailable(unavailable.method(), currentFlow.methods());
            } else if (outcome instanceof LoginOutcome.TooManyAttempts) {
                throw new CliException(ExitCode.FLOW_EXPIRED, "too many wrong codes: start again to get a new code");
            } else if (outcome instanceof LoginOutcome.IdentityDisabled) {
                throw CliException.authFailed("the account is disabled: contact support");
            } else {
                LoginOutcome.BrowserRequired browser = (LoginOutcome.BrowserRequired) outcome;
                return browserRequired(ctx, browser.redirectBrowserTo(), json);
            }
        }
        throw new CliException(ExitCode.UNEXPECTED_RESPONSE, "the login did not finish after " + MAX_STEPS + " steps");
    }

    /** The error for a method the server does not offer, naming the ones it does. */
    static CliException unavailable(String method, java.util.List<String> offered) {
        return CliException.invalidInput("this Kratos does not offer the method '" + method + "' here"
                + (offered.isEmpty() ? "" : "; it offers " + String.join(", ", offered)));
    }

    static ExitCode browserRequired(CommandContext ctx, String url, ObjectNode json) {
        ctx.out().requested("A browser is required to continue: open " + url);
        json.put("outcome", "browser_required").put("redirect_browser_to", url);
        ctx.out().result(json);
        return ExitCode.BROWSER_REQUIRED;
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
        if (method != null) {
            String wanted = method.equals("oidc") && provider != null ? "oidc" : method;
            if (!offered.contains(wanted)) {
                throw CliException.invalidInput("method '" + method + "' is not offered by this login flow (offered: "
                        + String.join(", ", offered) + ")");
            }
            return wanted;
        }
        if (code != null && offered.contains("code")) {
            return "code";
        }
        if (passwordStdin && offered.contains("password")) {
            return "password";
        }
        if (totpCode != null && offered.contains("totp")) {
            return "totp";
        }
        if (lookupCode != null && offered.contains("lookup_secret")) {
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
                return new LoginMethod.Password(identifier(ctx, flow),
                        secret(ctx, passwordStdin && first, "Password", "--password-stdin"));
            case "code":
                String id = identifier(ctx, flow);
                if (code != null && first && flowId != null) {
                    return LoginMethod.Code.submit(id, Secret.of(code));
                }
                return LoginMethod.Code.request(id);
            case "oidc":
                return LoginMethod.Oidc.provider(provider != null ? provider : pickProvider(ctx, flow));
            case "totp":
                return new LoginMethod.Totp(totpCode != null && first ? Secret.of(totpCode)
                        : secretPrompt(ctx, "Authenticator app code", "--totp-code"));
            case "lookup_secret":
                return new LoginMethod.LookupSecret(lookupCode != null && first ? Secret.of(lookupCode)
                        : secretPrompt(ctx, "Backup code", "--lookup-code"));
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

    private static Secret secretPrompt(CommandContext ctx, String label, String option) {
        if (!ctx.interactive()) {
            throw CliException.invalidInput("missing " + label.toLowerCase() + ": pass " + option);
        }
        return ctx.prompter().secret(label, true);
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
