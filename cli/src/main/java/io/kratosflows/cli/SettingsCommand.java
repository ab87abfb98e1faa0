package io.kratosflows.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
            "Example: printf '%%s\\n' \"$NEW\" | kratos-flows settings --token-file ~/.kratos-token --method password --password-stdin"})
final class SettingsCommand extends FlowCommand {

    private static final List<String> SUPPORTED = List.of("password", "profile", "totp", "lookup_secret", "oidc");

    @Option(names = "--token-file", paramLabel = "FILE", description = "Read the session token from FILE (default: $KRATOS_SESSION_TOKEN).")
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

    @Option(names = "--totp-code", paramLabel = "CODE", description = "Authenticator code: links the app (--method totp), or answers a second-factor re-authentication.")
    String totpCode;

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
        SessionToken token = requireToken(ctx, tokenFile);
        ObjectNode json = Output.object().put("command", "settings");
        SettingsFlow flow = flowId != null ? kratos(ctx).settings().fetch(FlowId.of(flowId), token)
                : kratos(ctx).settings().start(token);
        json.put("flow", flow.id().value());
        ctx.out().line("Settings flow " + flow.id() + flow.identity().map(i -> " for " + Describe.identity(i)).orElse("")
                + " (methods: " + String.join(", ", flow.methods()) + ")");
        String chosen = chooseMethod(ctx, flow);
        json.put("method", chosen);
        SettingsMethod payload = payload(ctx, flow, chosen, true);
        SettingsOutcome outcome = kratos(ctx).settings().submitReauthenticating(flow, payload, login -> reauthenticate(ctx, flow, login));
        for (int retry = 0; retry < 2 && ctx.interactive() && !passwordStdin; retry++) {
            if (outcome instanceof SettingsOutcome.NeedsInput needs) {
                ctx.out().messages(needs.flow().ui(), false);
                outcome = kratos(ctx).settings().submit(needs.flow(), payload(ctx, needs.flow(), chosen, false));
            } else if (outcome instanceof SettingsOutcome.FlowExpired expired) {
                SettingsFlow fresh = kratos(ctx).settings().restart(expired, token);
                ctx.out().line("The flow expired; continuing in flow " + fresh.id());
                outcome = kratos(ctx).settings().submitReauthenticating(fresh, payload, login -> reauthenticate(ctx, fresh, login));
            }
        }
        return report(ctx, outcome, "settings", json, showSecrets);
    }

    static ExitCode report(CommandContext ctx, SettingsOutcome outcome, String what, ObjectNode json) {
        return report(ctx, outcome, what, json, false);
    }

    static ExitCode report(CommandContext ctx, SettingsOutcome outcome, String what, ObjectNode json, boolean showSecrets) {
        if (outcome instanceof SettingsOutcome.Saved saved) {
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
            json.put("outcome", "saved").set("messages", Describe.messagesJson(flow.ui()));
            ctx.out().result(json);
            return ExitCode.OK;
        } else if (outcome instanceof SettingsOutcome.NeedsInput needs) {
            ctx.out().messages(needs.flow().ui(), false);
            throw rejected(what, needs.flow().ui());
        } else if (outcome instanceof SettingsOutcome.RefreshRequired refresh) {
            Optional<LoginOutcome> failed = refresh.failedReauthentication();
            if (failed.isPresent() && failed.get() instanceof LoginOutcome.NeedsInput needs) {
                ctx.out().messages(needs.flow().ui(), false);
                throw rejected("re-authentication", needs.flow().ui());
            }
            throw CliException.authFailed("Kratos requires a recent sign-in for this change and the"
                    + " re-authentication did not complete (" + refresh.error().summary() + ")");
        } else if (outcome instanceof SettingsOutcome.SecondFactorRequired) {
            throw CliException.authFailed("settings need a second factor first: run 'kratos-flows login --aal2"
                    + " --token-file FILE'");
        } else if (outcome instanceof SettingsOutcome.FlowExpired expired) {
            throw new CliException(ExitCode.FLOW_EXPIRED, "the settings flow expired: start again ("
                    + expired.error().summary() + ")");
        } else if (outcome instanceof SettingsOutcome.MethodUnavailable unavailable) {
            throw LoginCommand.unavailable(unavailable.method(), List.of());
        } else if (outcome instanceof SettingsOutcome.LookupSecretsShown shown) {
            ctx.out().messages(shown.flow().ui(), showSecrets);
            if (showSecrets) {
                ctx.out().requested("Backup codes (store them safely):");
                shown.codes().forEach(c -> ctx.out().requested("  " + c.reveal()));
            } else {
                ctx.out().line("  " + shown.codes().size() + " backup codes shown (add --show-secrets to print them)");
            }
            if (shown.confirmationRequired()) {
                ctx.out().line("Not saved yet: store the codes, then run with --action confirm on flow " + shown.flow().id());
            }
            json.put("outcome", "lookup_secrets_shown").put("confirmation_required", shown.confirmationRequired())
                    .put("flow", shown.flow().id().value());
            ctx.out().result(json);
            return ExitCode.OK;
        } else if (outcome instanceof SettingsOutcome.VerificationRequired verify) {
            ctx.out().line("Not saved yet: verify the new address first (kratos-flows verify --flow " + verify.verificationFlow()
                    + " --code CODE)");
            json.put("outcome", "verification_required").put("verification_flow", verify.verificationFlow().value());
            ctx.out().result(json);
            return ExitCode.OK;
        }
        return LoginCommand.browserRequired(ctx, ((SettingsOutcome.BrowserRequired) outcome).redirectBrowserTo(), json);
    }

    private LoginMethod reauthenticate(CommandContext ctx, SettingsFlow settings, LoginFlow login) {
        ctx.out().line("Kratos asks to confirm it is you (" + (login.requestedAal() == Aal.AAL2
                ? "second factor" : "recent sign-in") + "); signing in again with the same session.");
        if (login.requestedAal() == Aal.AAL2) {
            Secret code = totpCode != null ? Secret.of(totpCode) : secretOrFail(ctx, "Authenticator app code", "--totp-code");
            return new LoginMethod.Totp(code);
        }
        String identifier = inputValue(login.ui(), "identifier")
                .or(() -> settings.identity().flatMap(i -> i.traits().text("email")))
                .orElseGet(() -> value(ctx, null, "Email", "--current-password-stdin", Optional.empty()));
        Secret password = currentPasswordStdin ? secret(ctx, true, "Current password", "--current-password-stdin")
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
                : totpCode != null || unlink ? "totp" : null;
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
                return new SettingsMethod.Password(secret(ctx, passwordStdin && first, "New password", "--password-stdin"));
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
        Secret code = totpCode != null && first ? Secret.of(totpCode)
                : secretOrInvalid(ctx, "Code shown by the authenticator app", "--totp-code");
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
