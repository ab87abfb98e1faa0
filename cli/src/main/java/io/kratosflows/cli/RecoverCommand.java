package io.kratosflows.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kratosflows.FlowId;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.recovery.RecoveryFlow;
import io.kratosflows.recovery.RecoveryMethod;
import io.kratosflows.recovery.RecoveryOutcome;
import io.kratosflows.settings.SettingsFlow;
import io.kratosflows.settings.SettingsMethod;
import io.kratosflows.settings.SettingsOutcome;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kratos-flows recover}: account recovery by code ({@code GET /self-service/recovery/api},
 * {@code POST /self-service/recovery?flow=}); a valid code yields a new session, and optionally a
 * new password is set right away in the settings flow Kratos names.
 */
@Command(name = "recover", mixinStandardHelpOptions = true, versionProvider = KratosFlowsCli.Version.class, sortOptions = false,
        description = {"Recover an account with the code Kratos mails, then set a new password.",
            "Example: kratos-flows recover --email ada@example.org   (sends a code, prints the flow id)",
            "         printf '%%s\\n' \"$NEW\" | kratos-flows recover --flow FLOW_ID --code 123456 --password-stdin --token-file t"})
final class RecoverCommand extends FlowCommand {

    @Option(names = "--email", paramLabel = "EMAIL", description = "The account's address to send a code to.")
    String email;

    @Option(names = "--code", paramLabel = "CODE", description = "The recovery code from the email (with --flow).")
    String code;

    @Option(names = "--flow", paramLabel = "ID", description = "Continue this recovery flow.")
    String flowId;

    @Option(names = "--password-stdin", description = "After recovery, set the new password read from standard input.")
    boolean passwordStdin;

    @Mixin
    TokenOutput tokens;

    @Override
    ExitCode run(CommandContext ctx) {
        ObjectNode json = Output.object().put("command", "recover");
        RecoveryFlow flow = flowId != null ? kratos(ctx).recovery().fetch(FlowId.of(flowId))
                : kratos(ctx).recovery().start();
        json.put("flow", flow.id().value());
        ctx.out().line("Recovery flow " + flow.id());
        RecoveryOutcome outcome;
        if (code != null) {
            outcome = kratos(ctx).recovery().submit(flow, RecoveryMethod.Code.submit(Secret.of(code.strip())));
        } else if (flow.state().filter("sent_email"::equals).isPresent() && ctx.interactive()) {
            outcome = kratos(ctx).recovery().submit(flow, RecoveryMethod.Code.submit(askCode(ctx)));
        } else {
            String address = value(ctx, email, "Email", "--email", Optional.empty());
            outcome = kratos(ctx).recovery().submit(flow, RecoveryMethod.Code.request(address));
        }
        int retries = 0;
        while (true) {
            if (outcome instanceof RecoveryOutcome.Recovered recovered) {
                ctx.out().messages(recovered.flow().ui(), false);
                ctx.out().line("Recovered: signed in with a new session" + recovered.settingsFlow().map(f -> "; settings flow " + f).orElse(""));
                json.put("outcome", "recovered");
                recovered.settingsFlow().ifPresent(f -> json.put("settings_flow", f.value()));
                deliverToken(ctx, recovered.token(), tokens, json);
                return setPassword(ctx, recovered, json);
            } else if (outcome instanceof RecoveryOutcome.CodeSent sent) {
                ctx.out().messages(sent.flow().ui(), false);
                if (!ctx.interactive()) {
                    ctx.out().line("Continue with: kratos-flows recover --flow " + sent.flow().id()
                            + " --code CODE --password-stdin --token-file FILE");
                    json.put("outcome", "code_sent").put("flow", sent.flow().id().value());
                    ctx.out().result(json);
                    return ExitCode.OK;
                }
                outcome = kratos(ctx).recovery().submit(sent.flow(), RecoveryMethod.Code.submit(askCode(ctx)));
            } else if (outcome instanceof RecoveryOutcome.InvalidCode invalid) {
                ctx.out().messages(invalid.flow().ui(), false);
                if (!ctx.interactive() || ++retries >= 3) {
                    throw rejected("recovery", invalid.flow().ui());
                }
                outcome = kratos(ctx).recovery().submit(invalid.flow(), RecoveryMethod.Code.submit(askCode(ctx)));
            } else if (outcome instanceof RecoveryOutcome.NeedsInput needs) {
                ctx.out().messages(needs.flow().ui(), false);
                throw rejected("recovery", needs.flow().ui());
            } else if (outcome instanceof RecoveryOutcome.FlowExpired expired) {
                throw new CliException(ExitCode.FLOW_EXPIRED, "the recovery flow expired: start again"
                        + expired.replacement().map(r -> " (or continue in flow " + r + ")").orElse(""));
            } else if (outcome instanceof RecoveryOutcome.TooManyAttempts tooMany) {
                throw new CliException(ExitCode.FLOW_EXPIRED, "too many wrong codes: start again"
                        + tooMany.replacement().map(r -> " (or continue in flow " + r + ")").orElse(""));
            } else if (outcome instanceof RecoveryOutcome.IdentityDisabled) {
                throw new CliException(ExitCode.AUTH_FAILED, "the account is disabled: contact support");
            } else if (outcome instanceof RecoveryOutcome.MethodUnavailable unavailable) {
                throw new CliException(ExitCode.INVALID_INPUT, "this Kratos does not offer recovery by " + unavailable.method());
            } else {
                RecoveryOutcome.BrowserRequired browser = (RecoveryOutcome.BrowserRequired) outcome;
                ctx.out().line("  " + browser.hint());
                return LoginCommand.browserRequired(ctx, browser.redirectBrowserTo(), json);
            }
        }
    }

    private ExitCode setPassword(CommandContext ctx, RecoveryOutcome.Recovered recovered, ObjectNode json) {
        Optional<Secret> password = passwordStdin ? Optional.of(secret(ctx, true, "New password", "--password-stdin"))
                : ctx.interactive() ? Optional.of(ctx.prompter().secret("New password", true)) : Optional.empty();
        if (password.isEmpty()) {
            ctx.out().line("Set a new password with: kratos-flows settings" + recovered.settingsFlow().map(f -> " --flow " + f).orElse("")
                    + " --token-file FILE --password-stdin");
            ctx.out().result(json);
            return ExitCode.OK;
        }
        SessionToken token = recovered.token();
        SettingsFlow settings = kratos(ctx).settings().afterRecovery(recovered);
        SettingsOutcome saved = kratos(ctx).settings().submit(settings, new SettingsMethod.Password(password.get()));
        for (int retry = 0; saved instanceof SettingsOutcome.NeedsInput needs && ctx.interactive() && !passwordStdin
                && retry < 2; retry++) {
            ctx.out().messages(needs.flow().ui(), false);
            saved = kratos(ctx).settings().submit(needs.flow(),
                    new SettingsMethod.Password(ctx.prompter().secret("New password", true)));
        }
        return SettingsCommand.report(ctx, saved, "password change", json);
    }

    private static Secret askCode(CommandContext ctx) {
        return ctx.prompter().secret("Recovery code from the email", true);
    }
}
