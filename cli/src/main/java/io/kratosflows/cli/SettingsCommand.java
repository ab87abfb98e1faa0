package io.kratosflows.cli;

import io.kratosflows.Aal;
import io.kratosflows.FlowId;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.login.LoginFlow;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.settings.SettingsFlow;
import io.kratosflows.settings.SettingsMethod;
import io.kratosflows.settings.SettingsOutcome;
import io.kratosflows.ui.NodeAttributes;
import io.kratosflows.ui.UiNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kratos-flows settings}: changes the password, profile, authenticator app, backup codes or
 * linked providers of the signed-in identity ({@code GET /self-service/settings/api}, {@code POST
 * /self-service/settings?flow=}). When Kratos asks for a recent sign-in it re-authenticates
 * natively ({@code login/api?refresh=true} with the same token) and submits again.
 */
@Command(name = "settings", mixinStandardHelpOptions = true, versionProvider = KratosFlowsCli.Version.class, sortOptions = false,
        description = {"Change password, profile, authenticator app, backup codes or linked providers.",
            "Example: printf '%%s\\n' \"$NEW\" | kratos-flows settings --token-file ~/.kratos-token --method password --password-stdin",
            "Standard input: one value per line, in this order: --password-stdin, --current-password-stdin,"
                + " --totp-code-stdin."})
final class SettingsCommand extends FlowCommand {

    private static final List<String> SUPPORTED = List.of("password", "profile", "totp", "lookup_secret", "oidc");

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "Read the session token from FILE (default: $KRATOS_SESSION_TOKEN, else the profile's token file).")
    Path tokenFile;

    @Option(names = "--method", paramLabel = "METHOD", description = "password, profile, totp, lookup_secret or oidc (default: asked on a terminal).")
    String method;

    @Option(names = "--flow", paramLabel = "ID", description = "Continue this settings flow (e.g. the one recovery names).")
    String flowId;

    @Option(names = "--password-stdin", description = "Read the new password from the first line of standard input.")
    boolean passwordStdin;

    @Option(names = "--current-password-stdin",
            description = "If Kratos asks for a recent sign-in, read the current password from standard input (after the new one).")
    boolean currentPasswordStdin;

    @Option(names = "--trait", paramLabel = "NAME=VALUE", description = "A trait for --method profile, e.g. name.first=Ada (repeatable).")
    Map<String, String> traitOptions = new LinkedHashMap<>();

    @Option(names = "--totp-code", paramLabel = "CODE",
            description = "Authenticator code: links the app (--method totp), or answers a second-factor re-authentication."
                    + " Visible to other users in the process list: prefer --totp-code-stdin.")
    String totpCode;

    @Option(names = "--totp-code-stdin", description = "Read the authenticator code from standard input.")
    boolean totpCodeStdin;

    @Option(names = "--unlink", description = "Unlink the authenticator app (--method totp) or the --provider (--method oidc).")
    boolean unlink;

    @Option(names = "--action", paramLabel = "ACTION", description = "For --method lookup_secret: reveal, regenerate, confirm or disable.")
    String action;

    @Option(names = "--provider", paramLabel = "ID", description = "For --method oidc: the provider to link or unlink.")
    String provider;

    @Option(names = "--show-secrets", description = "Print the authenticator secret and backup codes Kratos shows.")
    boolean showSecrets;

    @Override
    ExitCode run(CommandContext ctx) {
        SessionToken token = requireToken(ctx, tokenFile).token();
        SettingsFlow flow = flowId != null ? kratos(ctx).settings().fetch(FlowId.of(flowId), token)
                : kratos(ctx).settings().start(token);
        ctx.data().put("flow", flow.id().value());
        ctx.out().line("Settings flow " + flow.id() + flow.identity().map(i -> " for " + Describe.identity(i)).orElse("")
                + " (methods: " + String.join(", ", flow.methods()) + ")");
        String chosen = chooseMethod(ctx, flow);
        ctx.data().put("method", chosen);
        SettingsMethod payload = payload(ctx, flow, chosen, true);
        boolean retry = ctx.interactive() && !passwordStdin;
        follow(ctx, "settings", flow, payload,
                (f, p) -> kratos(ctx).settings().submitReauthenticating(f, p, login -> reauthenticate(ctx, f, login)),
                outcome -> outcome.handle(new Report(ctx, "settings", showSecrets, retry ? 2 : 0,
                        needs -> payload(ctx, needs, chosen, false), payload, token)));
        return ExitCode.OK;
    }

    /**
     * What a settings submission ends in: saved (its messages, backup codes, next steps), a retry
     * after invalid input or an expired flow (up to {@code retries} times), or a failure. Also the
     * password change after a recovery.
     */
    static final class Report implements SettingsOutcome.Handler<Optional<Next<SettingsFlow, SettingsMethod>>> {

        private final CommandContext ctx;
        private final String what;
        private final boolean showSecrets;
        private final Function<SettingsFlow, SettingsMethod> again;
        private final SettingsMethod payload;
        private final SessionToken token;
        private int retries;

        /**
         * @param retries how often to ask again after invalid input or restart an expired flow (0: never)
         * @param again   the payload to submit after invalid input
         * @param payload the payload to submit again in a restarted flow
         */
        Report(CommandContext ctx, String what, boolean showSecrets, int retries,
                Function<SettingsFlow, SettingsMethod> again, SettingsMethod payload, SessionToken token) {
            this.ctx = ctx;
            this.what = what;
            this.showSecrets = showSecrets;
            this.retries = retries;
            this.again = again;
            this.payload = payload;
            this.token = token;
        }

        @Override
        public Optional<Next<SettingsFlow, SettingsMethod>> saved(SettingsOutcome.Saved saved) {
            SettingsFlow flow = saved.flow();
            ctx.out().messages(flow.ui(), showSecrets);
            ctx.out().line("Saved.");
            List<Secret> codes = flow.lookupSecrets();
            if (!codes.isEmpty()) {
                if (showSecrets) {
                    ctx.out().requested("Backup codes (store them safely):");
                    codes.forEach(c -> ctx.out().requested("  " + c.reveal()));
                } else {
                    ctx.out().line("  " + codes.size() + " backup codes available (add --show-secrets to print them)");
                }
            }
            Describe.continueWith(flow.continueWith()).forEach(c -> ctx.out().line("  next: " + c));
            ctx.data().set("messages", Describe.messagesJson(flow.ui()));
            return Optional.empty();
        }

        @Override
        public Optional<Next<SettingsFlow, SettingsMethod>> needsInput(SettingsOutcome.NeedsInput needs) {
            ctx.out().messages(needs.flow().ui(), false);
            if (retries-- > 0) {
                return Optional.of(new Next<>(needs.flow(), again.apply(needs.flow())));
            }
            throw rejected(what, needs.flow().ui());
        }

        @Override
        public Optional<Next<SettingsFlow, SettingsMethod>> refreshRequired(SettingsOutcome.RefreshRequired refresh) {
            throw refresh.failedReauthentication().map(login -> reauthenticationFailed(ctx, login))
                    .orElseGet(() -> CliException.authFailed("Kratos requires a recent sign-in for this change and the"
                            + " re-authentication did not complete (" + refresh.error().summary() + ")"));
        }

        @Override
        public Optional<Next<SettingsFlow, SettingsMethod>> secondFactorRequired(SettingsOutcome.SecondFactorRequired second) {
            throw CliException.authFailed(what + " needs a second factor first: run 'kratos-flows login --aal2"
                    + " --token-file FILE'");
        }

        @Override
        public Optional<Next<SettingsFlow, SettingsMethod>> flowExpired(SettingsOutcome.FlowExpired expired) {
            if (retries-- > 0) {
                SettingsFlow fresh = kratos(ctx).settings().restart(expired, token);
                ctx.out().line("The flow expired; continuing in flow " + fresh.id());
                return Optional.of(new Next<>(fresh, payload));
            }
            throw Outcomes.expired("settings", "expired (" + expired.error().summary() + ")", Optional.empty());
        }

        @Override
        public Optional<Next<SettingsFlow, SettingsMethod>> browserRequired(SettingsOutcome.BrowserRequired browser) {
            throw Outcomes.browserRequired(ctx, browser.redirectBrowserTo());
        }

        @Override
        public Optional<Next<SettingsFlow, SettingsMethod>> methodUnavailable(SettingsOutcome.MethodUnavailable unavailable) {
            throw Outcomes.unavailable(unavailable.method(), List.of());
        }

        @Override
        public Optional<Next<SettingsFlow, SettingsMethod>> lookupSecretsShown(SettingsOutcome.LookupSecretsShown shown) {
            ctx.out().messages(shown.flow().ui(), showSecrets);
            if (showSecrets) {
                ctx.out().requested("Backup codes (store them safely):");
                shown.codes().forEach(c -> ctx.out().requested("  " + c.reveal()));
            } else {
                ctx.out().line("  " + shown.codes().size() + " backup codes shown (add --show-secrets to print them)");
            }
            ctx.data().put("flow", shown.flow().id().value()).put("confirmation_required", shown.confirmationRequired());
            if (shown.confirmationRequired() && ctx.interactive() && showSecrets
                    && ctx.prompter().confirm("Stored them? Save these codes now (the old ones stop working)?", false)) {
                return Optional.of(new Next<>(shown.flow(),
                        new SettingsMethod.LookupSecret(SettingsMethod.LookupSecret.Action.CONFIRM)));
            }
            if (shown.confirmationRequired()) {
                ctx.out().line("Not saved yet: store the codes, then run: kratos-flows settings --flow " + shown.flow().id()
                        + " --method lookup_secret --action confirm");
            }
            return Optional.empty();
        }

        @Override
        public Optional<Next<SettingsFlow, SettingsMethod>> verificationRequired(SettingsOutcome.VerificationRequired verify) {
            ctx.out().messages(verify.flow().ui(), false);
            ctx.out().line("Not saved yet: verify the new address" + verify.address().map(a -> " " + a).orElse("")
                    + " first: kratos-flows verify --flow " + verify.verificationFlow() + " --code-stdin");
            ctx.data().put("verification_flow", verify.verificationFlow().value());
            return Optional.empty();
        }
    }

    /** Why the native re-authentication a settings change asked for did not complete. */
    static CliException reauthenticationFailed(CommandContext ctx, LoginOutcome login) {
        String failed = "Kratos requires a recent sign-in for this change and the re-authentication ";
        return login.handle(new LoginOutcome.Handler<CliException>() {
            @Override
            public CliException completed(LoginOutcome.Completed completed) {
                return CliException.authFailed(failed + "completed, but Kratos still refused the change");
            }

            @Override
            public CliException needsInput(LoginOutcome.NeedsInput needs) {
                ctx.out().messages(needs.flow().ui(), false);
                return rejected("re-authentication", needs.flow().ui());
            }

            @Override
            public CliException codeSent(LoginOutcome.CodeSent sent) {
                return CliException.authFailed(failed + "sent a code; this client re-authenticates by password or TOTP");
            }

            @Override
            public CliException secondFactorRequired(LoginOutcome.SecondFactorRequired second) {
                return CliException.authFailed(failed + "needs a second factor: pass --totp-code-stdin");
            }

            @Override
            public CliException flowExpired(LoginOutcome.FlowExpired expired) {
                return Outcomes.expired("re-authentication", "expired (" + expired.error().summary() + ")", Optional.empty());
            }

            @Override
            public CliException browserRequired(LoginOutcome.BrowserRequired browser) {
                return Outcomes.browserRequired(ctx, browser.redirectBrowserTo());
            }

            @Override
            public CliException verificationRequired(LoginOutcome.VerificationRequired unverified) {
                return CliException.authFailed(failed + "needs a verified address first");
            }

            @Override
            public CliException methodUnavailable(LoginOutcome.MethodUnavailable unavailable) {
                return Outcomes.unavailable(unavailable.method(), List.of());
            }

            @Override
            public CliException tooManyAttempts(LoginOutcome.TooManyAttempts tooMany) {
                return Outcomes.tooManyAttempts(Optional.empty());
            }

            @Override
            public CliException identityDisabled(LoginOutcome.IdentityDisabled disabled) {
                return Outcomes.identityDisabled();
            }
        });
    }

    private LoginMethod reauthenticate(CommandContext ctx, SettingsFlow settings, LoginFlow login) {
        ctx.out().line("Kratos asks to confirm it is you (" + (login.requestedAal() == Aal.AAL2
                ? "second factor" : "recent sign-in") + "); signing in again with the same session.");
        if (login.requestedAal() == Aal.AAL2) {
            Secret code = totpCode != null || totpCodeStdin ? code(ctx, Optional.ofNullable(totpCode),
                    "Authenticator app code", "--totp-code-stdin") : secretOrFail(ctx, "Authenticator app code", "--totp-code-stdin");
            return new LoginMethod.Totp(code);
        }
        String identifier = inputValue(login.ui(), "identifier")
                .or(() -> settings.identity().flatMap(i -> i.traits().text("email")))
                .orElseGet(() -> value(ctx, null, "Email", "--current-password-stdin", Optional.empty()));
        Secret password = currentPasswordStdin
                ? secret(ctx, StdinSecrets.Slot.CURRENT_PASSWORD, true, "Current password", "--current-password-stdin")
                : secretOrFail(ctx, "Current password", "--current-password-stdin");
        return new LoginMethod.Password(identifier, password);
    }

    private static Secret secretOrFail(CommandContext ctx, String label, String option) {
        if (!ctx.interactive()) {
            throw CliException.authFailed("Kratos requires a recent sign-in for this change: pass " + option);
        }
        return ctx.prompter().secret(label, true);
    }

    private String chooseMethod(CommandContext ctx, SettingsFlow flow) {
        List<String> offered = flow.methods();
        String wanted = method != null ? method.toLowerCase(Locale.ROOT)
                : passwordStdin ? "password" : !traitOptions.isEmpty() ? "profile"
                : action != null ? "lookup_secret" : provider != null ? "oidc"
                : totpCode != null || totpCodeStdin || unlink ? "totp" : null;
        if (wanted != null) {
            if (!offered.contains(wanted)) {
                throw CliException.invalidInput("method '" + wanted + "' is not offered by this settings flow (offered: "
                        + String.join(", ", offered) + ")");
            }
            return wanted;
        }
        if (!ctx.interactive()) {
            throw CliException.invalidInput("choose what to change with --method (offered: " + String.join(", ", offered) + ")");
        }
        List<Prompter.Choice<String>> choices = new ArrayList<>();
        for (String group : offered) {
            String label = switch (group) {
                case "password" -> "Change the password";
                case "profile" -> "Edit the profile (traits)";
                case "totp" -> flow.ui().node("totp_unlink").isPresent() ? "Unlink the authenticator app" : "Link an authenticator app";
                case "lookup_secret" -> "Backup codes";
                case "oidc" -> "Link or unlink a social sign-in provider";
                default -> group + " (needs a browser)";
            };
            choices.add(new Prompter.Choice<>(label + " (" + group + ")", group));
        }
        return ctx.prompter().choose("What do you want to change", choices);
    }

    private SettingsMethod payload(CommandContext ctx, SettingsFlow flow, String chosen, boolean first) {
        switch (chosen) {
            case "password":
                return new SettingsMethod.Password(password(ctx, passwordStdin && first, "New password"));
            case "profile":
                return new SettingsMethod.Profile(traits(profileValues(ctx, flow)));
            case "totp":
                return totp(ctx, flow, first);
            case "lookup_secret":
                return new SettingsMethod.LookupSecret(lookupAction(ctx, flow));
            case "oidc":
                return oidc(ctx, flow);
            default:
                if (!SUPPORTED.contains(chosen)) {
                    throw new CliException(ExitCode.BROWSER_REQUIRED, "'" + chosen + "' settings need a browser"
                            + " (a platform authenticator); use a web UI for them");
                }
                throw CliException.invalidInput("unsupported settings method " + chosen);
        }
    }

    private Map<String, String> profileValues(CommandContext ctx, SettingsFlow flow) {
        Map<String, String> values = new LinkedHashMap<>(traitValues(flow.ui()));
        traitOptions.forEach((k, v) -> values.put(k.startsWith("traits.") ? k : "traits." + k, v));
        if (ctx.interactive() && traitOptions.isEmpty()) {
            return ctx.prompter().fill(flow.ui(), Set.of("profile"), Map.of(), Set.of()).text();
        }
        return values;
    }

    private SettingsMethod totp(CommandContext ctx, SettingsFlow flow, boolean first) {
        if (flow.ui().node("totp_unlink").isPresent()) {
            if (unlink || ctx.interactive() && ctx.prompter().confirm("Unlink the authenticator app?", false)) {
                return SettingsMethod.Totp.unlinkApp();
            }
            throw CliException.invalidInput("an authenticator app is linked: pass --unlink to remove it");
        }
        if (unlink) {
            throw CliException.invalidInput("no authenticator app is linked, nothing to unlink");
        }
        boolean show = showSecrets || ctx.interactive() && first
                && ctx.prompter().confirm("Show the secret to type into your authenticator app?", true);
        if (show) {
            flow.totpSecret().ifPresent(s -> ctx.out().requested("Authenticator secret: " + s.reveal()));
        }
        Secret code = (totpCode != null || totpCodeStdin) && first
                ? code(ctx, Optional.ofNullable(totpCode), "Code shown by the authenticator app", "--totp-code-stdin")
                : secretOrInvalid(ctx, "Code shown by the authenticator app", "--totp-code-stdin");
        return SettingsMethod.Totp.link(code);
    }

    private static Secret secretOrInvalid(CommandContext ctx, String label, String option) {
        if (!ctx.interactive()) {
            throw CliException.invalidInput("missing " + label.toLowerCase(Locale.ROOT) + ": pass " + option);
        }
        return ctx.prompter().secret(label, true);
    }

    private SettingsMethod.LookupSecret.Action lookupAction(CommandContext ctx, SettingsFlow flow) {
        List<Prompter.Choice<SettingsMethod.LookupSecret.Action>> offered = new ArrayList<>();
        for (SettingsMethod.LookupSecret.Action a : SettingsMethod.LookupSecret.Action.values()) {
            String node = "lookup_secret_" + a.name().toLowerCase(Locale.ROOT);
            flow.ui().node(node).ifPresent(n -> offered.add(new Prompter.Choice<>(UiRenderer.label(n), a)));
        }
        if (action != null) {
            SettingsMethod.LookupSecret.Action wanted;
            try {
                wanted = SettingsMethod.LookupSecret.Action.valueOf(action.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw CliException.invalidInput("--action must be reveal, regenerate, confirm or disable");
            }
            if (offered.stream().noneMatch(c -> c.value() == wanted)) {
                throw CliException.invalidInput("backup codes: '" + action + "' is not offered now (offered: "
                        + offered.stream().map(c -> c.value().name().toLowerCase(Locale.ROOT)).toList() + ")");
            }
            return wanted;
        }
        if (!ctx.interactive() || offered.isEmpty()) {
            throw CliException.invalidInput("pass --action (offered: "
                    + offered.stream().map(c -> c.value().name().toLowerCase(Locale.ROOT)).toList() + ")");
        }
        return ctx.prompter().choose("Backup codes", offered);
    }

    private SettingsMethod oidc(CommandContext ctx, SettingsFlow flow) {
        List<Prompter.Choice<SettingsMethod>> offered = new ArrayList<>();
        for (UiNode node : flow.ui().nodes("oidc")) {
            Optional<NodeAttributes.Input> button = node.input().filter(NodeAttributes.Input::isButton);
            button.flatMap(NodeAttributes.Input::valueAsString).ifPresent(p -> offered.add(new Prompter.Choice<>(
                    UiRenderer.label(node), "unlink".equals(button.get().name())
                            ? SettingsMethod.Oidc.unlink(p) : SettingsMethod.Oidc.link(p))));
        }
        if (provider != null) {
            return unlink ? SettingsMethod.Oidc.unlink(provider) : SettingsMethod.Oidc.link(provider);
        }
        if (!ctx.interactive() || offered.isEmpty()) {
            throw CliException.invalidInput("pass --provider ID (and --unlink to unlink)");
        }
        return ctx.prompter().choose("Provider", offered);
    }
}
