package io.kratosflows.cli;

import io.kratosflows.FlowId;
import io.kratosflows.Secret;
import io.kratosflows.verification.VerificationFlow;
import io.kratosflows.verification.VerificationMethod;
import io.kratosflows.verification.VerificationOutcome;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kratos-flows verify}: verifies an email address by code ({@code GET
 * /self-service/verification/api}, {@code POST /self-service/verification?flow=}). A wrong code is
 * HTTP 200 from Kratos; here it is exit code 3.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = KratosFlowsCli.Version.class, sortOptions = false,
        description = {"Verify an email address with the code Kratos mails.",
            "Example: kratos-flows verify --email ada@example.org   (sends a code, prints the flow id)",
            "         printf '%%s\\n' \"$CODE\" | kratos-flows verify --flow FLOW_ID --code-stdin"})
final class VerifyCommand extends FlowCommand {

    @Option(names = "--email", paramLabel = "EMAIL", description = "The address to send a code to.")
    String email;

    @Option(names = "--code", paramLabel = "CODE",
            description = "The code from the email (with --flow). Visible to other users in the process list: prefer --code-stdin.")
    String code;

    @Option(names = "--code-stdin", description = "Read the code from standard input (with --flow, or when the code is sent).")
    boolean codeStdin;

    @Option(names = "--flow", paramLabel = "ID", description = "Continue this verification flow (e.g. from register).")
    String flowId;

    @Override
    ExitCode run(CommandContext ctx) {
        VerificationFlow flow = flowId != null ? kratos(ctx).verification().fetch(FlowId.of(flowId))
                : kratos(ctx).verification().start();
        ctx.data().put("flow", flow.id().value());
        ctx.out().line("Verification flow " + flow.id());
        VerificationMethod first;
        if (code != null || codeStdin && flowId != null) {
            first = VerificationMethod.Code.submit(code(ctx, Optional.ofNullable(code), "Verification code", "--code-stdin"));
        } else if (flow.state().filter("sent_email"::equals).isPresent() && ctx.interactive()) {
            first = VerificationMethod.Code.submit(askCode(ctx));
        } else {
            first = VerificationMethod.Code.request(value(ctx, email, "Email", "--email", Optional.empty()));
        }
        follow(ctx, "verification", flow, first, kratos(ctx).verification()::submit,
                outcome -> outcome.handle(new Follow(ctx)));
        return ExitCode.OK;
    }

    /** What the verification does after each outcome: ask for the code, or end (verified, code sent, thrown). */
    private final class Follow implements VerificationOutcome.Handler<Optional<Next<VerificationFlow, VerificationMethod>>> {

        private final CommandContext ctx;
        private int retries;

        Follow(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Optional<Next<VerificationFlow, VerificationMethod>> codeSent(VerificationOutcome.CodeSent sent) {
            ctx.out().messages(sent.flow().ui(), false);
            if (!ctx.interactive() && !codeStdin) {
                ctx.out().line("Continue with: kratos-flows verify --flow " + sent.flow().id() + " --code-stdin");
                ctx.data().put("flow", sent.flow().id().value());
                return Optional.empty();
            }
            Secret next = codeStdin ? code(ctx, Optional.empty(), "Verification code", "--code-stdin") : askCode(ctx);
            return Optional.of(new Next<>(sent.flow(), VerificationMethod.Code.submit(next)));
        }

        @Override
        public Optional<Next<VerificationFlow, VerificationMethod>> invalidCode(VerificationOutcome.InvalidCode invalid) {
            ctx.out().messages(invalid.flow().ui(), false);
            if (!ctx.interactive() || ++retries >= 3) {
                throw rejected("verification", invalid.flow().ui());
            }
            return Optional.of(new Next<>(invalid.flow(), VerificationMethod.Code.submit(askCode(ctx))));
        }

        @Override
        public Optional<Next<VerificationFlow, VerificationMethod>> verified(VerificationOutcome.Verified verified) {
            ctx.out().messages(verified.flow().ui(), false);
            ctx.out().line("Verified.");
            ctx.data().set("messages", Describe.messagesJson(verified.flow().ui()));
            return Optional.empty();
        }

        @Override
        public Optional<Next<VerificationFlow, VerificationMethod>> needsInput(VerificationOutcome.NeedsInput needs) {
            ctx.out().messages(needs.flow().ui(), false);
            throw rejected("verification", needs.flow().ui());
        }

        @Override
        public Optional<Next<VerificationFlow, VerificationMethod>> flowExpired(VerificationOutcome.FlowExpired expired) {
            throw Outcomes.expired("verification", "expired", expired.replacement());
        }

        @Override
        public Optional<Next<VerificationFlow, VerificationMethod>> alreadyUsed(VerificationOutcome.AlreadyUsed used) {
            throw new CliException(ExitCode.FLOW_EXPIRED, "this verification flow was already used: start a new one"
                    + " with 'kratos-flows verify --email EMAIL'");
        }

        @Override
        public Optional<Next<VerificationFlow, VerificationMethod>> methodUnavailable(
                VerificationOutcome.MethodUnavailable unavailable) {
            throw Outcomes.unavailable(unavailable.method(), List.of());
        }

        @Override
        public Optional<Next<VerificationFlow, VerificationMethod>> tooManyAttempts(
                VerificationOutcome.TooManyAttempts tooMany) {
            throw Outcomes.tooManyAttempts(tooMany.replacement());
        }
    }

    private static Secret askCode(CommandContext ctx) {
        return ctx.prompter().secret("Verification code from the email", true);
    }
}
