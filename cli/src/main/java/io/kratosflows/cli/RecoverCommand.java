package io.kratosflows.cli;

import io.kratosflows.FlowId;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.recovery.RecoveryFlow;
import io.kratosflows.recovery.RecoveryMethod;
import io.kratosflows.recovery.RecoveryOutcome;
import io.kratosflows.settings.SettingsFlow;
import io.kratosflows.settings.SettingsMethod;
import java.util.List;
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
            "         printf '%%s\\n%%s\\n' \"$NEW\" \"$CODE\" | kratos-flows recover --flow FLOW_ID --password-stdin --code-stdin --token-file t",
            "Standard input: one value per line, in this order: --password-stdin, then --code-stdin."})
final class RecoverCommand extends FlowCommand {

    @Option(names = "--email", paramLabel = "EMAIL", description = "The account's address to send a code to.")
    String email;

    @Option(names = "--code", paramLabel = "CODE",
            description = "The recovery code from the email (with --flow). Visible to other users in the process list:"
                    + " prefer --code-stdin.")
    String code;

    @Option(names = "--code-stdin", description = "Read the recovery code from standard input (with --flow, or when the code is sent).")
    boolean codeStdin;

    @Option(names = "--flow", paramLabel = "ID", description = "Continue this recovery flow.")
    String flowId;

    @Option(names = "--password-stdin", description = "After recovery, set the new password read from standard input.")
    boolean passwordStdin;

    @Mixin
    TokenOutput tokens;

    @Override
    ExitCode run(CommandContext ctx) {
        RecoveryFlow flow = flowId != null ? kratos(ctx).recovery().fetch(FlowId.of(flowId))
                : kratos(ctx).recovery().start();
        ctx.data().put("flow", flow.id().value());
        ctx.out().line("Recovery flow " + flow.id());
        RecoveryMethod first;
        if (code != null || codeStdin && flowId != null) {
            first = RecoveryMethod.Code.submit(code(ctx, Optional.ofNullable(code), "Recovery code", "--code-stdin"));
        } else if (flow.state().filter("sent_email"::equals).isPresent() && ctx.interactive()) {
            first = RecoveryMethod.Code.submit(askCode(ctx));
        } else {
            first = RecoveryMethod.Code.request(value(ctx, email, "Email", "--email", Optional.empty()));
        }
        Follow follow = new Follow(ctx);
        follow(ctx, "recovery", flow, first, kratos(ctx).recovery()::submit, outcome -> outcome.handle(follow));
        return follow.recovered.map(recovered -> setPassword(ctx, recovered)).orElse(ExitCode.OK);
    }

    /** What the recovery does after each outcome: ask for the code, or end (recovered, code sent, thrown). */
    private final class Follow implements RecoveryOutcome.Handler<Optional<Next<RecoveryFlow, RecoveryMethod>>> {

        private final CommandContext ctx;
        private Optional<RecoveryOutcome.Recovered> recovered = Optional.empty();
        private int retries;

        Follow(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Optional<Next<RecoveryFlow, RecoveryMethod>> codeSent(RecoveryOutcome.CodeSent sent) {
            ctx.out().messages(sent.flow().ui(), false);
            if (!ctx.interactive() && !codeStdin) {
                ctx.out().line("Continue with: kratos-flows recover --flow " + sent.flow().id()
                        + " --code-stdin --password-stdin --token-file FILE");
                ctx.data().put("flow", sent.flow().id().value());
                return Optional.empty();
            }
            Secret next = codeStdin ? code(ctx, Optional.empty(), "Recovery code", "--code-stdin") : askCode(ctx);
            return Optional.of(new Next<>(sent.flow(), RecoveryMethod.Code.submit(next)));
        }

        @Override
        public Optional<Next<RecoveryFlow, RecoveryMethod>> invalidCode(RecoveryOutcome.InvalidCode invalid) {
            ctx.out().messages(invalid.flow().ui(), false);
            if (!ctx.interactive() || ++retries >= 3) {
                throw rejected("recovery", invalid.flow().ui());
            }
            return Optional.of(new Next<>(invalid.flow(), RecoveryMethod.Code.submit(askCode(ctx))));
        }

        @Override
        public Optional<Next<RecoveryFlow, RecoveryMethod>> recovered(RecoveryOutcome.Recovered done) {
            ctx.out().messages(done.flow().ui(), false);
            ctx.out().line("Recovered: signed in with a new session"
                    + done.settingsFlow().map(f -> "; settings flow " + f).orElse(""));
            done.settingsFlow().ifPresent(f -> ctx.data().put("settings_flow", f.value()));
            deliverToken(ctx, done.token(), tokens);
            recovered = Optional.of(done);
            return Optional.empty();
        }

        @Override
        public Optional<Next<RecoveryFlow, RecoveryMethod>> needsInput(RecoveryOutcome.NeedsInput needs) {
            ctx.out().messages(needs.flow().ui(), false);
            throw rejected("recovery", needs.flow().ui());
        }

        @Override
        public Optional<Next<RecoveryFlow, RecoveryMethod>> flowExpired(RecoveryOutcome.FlowExpired expired) {
            throw Outcomes.expired("recovery", "expired", expired.replacement());
        }

        @Override
        public Optional<Next<RecoveryFlow, RecoveryMethod>> browserRequired(RecoveryOutcome.BrowserRequired browser) {
            ctx.out().line("  " + browser.hint());
            throw Outcomes.browserRequired(ctx, browser.redirectBrowserTo());
        }

        @Override
        public Optional<Next<RecoveryFlow, RecoveryMethod>> methodUnavailable(RecoveryOutcome.MethodUnavailable unavailable) {
            throw Outcomes.unavailable(unavailable.method(), List.of());
        }

        @Override
        public Optional<Next<RecoveryFlow, RecoveryMethod>> tooManyAttempts(RecoveryOutcome.TooManyAttempts tooMany) {
            throw Outcomes.tooManyAttempts(tooMany.replacement());
        }

        @Override
        public Optional<Next<RecoveryFlow, RecoveryMethod>> identityDisabled(RecoveryOutcome.IdentityDisabled disabled) {
            throw Outcomes.identityDisabled();
        }
    }

    private ExitCode setPassword(CommandContext ctx, RecoveryOutcome.Recovered recovered) {
        Optional<Secret> password = passwordStdin ? Optional.of(password(ctx, true, "New password"))
                : ctx.interactive() ? Optional.of(ctx.prompter().secret("New password", true)) : Optional.empty();
        if (password.isEmpty()) {
            ctx.out().line("Set a new password with: kratos-flows settings" + recovered.settingsFlow()
                    .map(f -> " --flow " + f).orElse("") + " --token-file FILE --password-stdin");
            return ExitCode.OK;
        }
        SessionToken token = recovered.token();
        SettingsFlow settings = kratos(ctx).settings().afterRecovery(recovered);
        SettingsMethod payload = new SettingsMethod.Password(password.get());
        int retries = ctx.interactive() && !passwordStdin ? 2 : 0;
        follow(ctx, "password change", settings, payload, kratos(ctx).settings()::submit,
                outcome -> outcome.handle(new SettingsCommand.Report(ctx, "password change", false, retries,
                        needs -> new SettingsMethod.Password(ctx.prompter().secret("New password", true)), payload, token)));
        return ExitCode.OK;
    }

    private static Secret askCode(CommandContext ctx) {
        return ctx.prompter().secret("Recovery code from the email", true);
    }
}
