package io.kratosflows.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kratosflows.FlowId;
import io.kratosflows.Secret;
import io.kratosflows.verification.VerificationFlow;
import io.kratosflows.verification.VerificationMethod;
import io.kratosflows.verification.VerificationOutcome;
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
            "         kratos-flows verify --flow FLOW_ID --code 123456"})
final class VerifyCommand extends FlowCommand {

    @Option(names = "--email", paramLabel = "EMAIL", description = "The address to send a code to.")
    String email;

    @Option(names = "--code", paramLabel = "CODE", description = "The code from the email (with --flow).")
    String code;

    @Option(names = "--flow", paramLabel = "ID", description = "Continue this verification flow (e.g. from register).")
    String flowId;

    @Override
    ExitCode run(CommandContext ctx) {
        ObjectNode json = Output.object().put("command", "verify");
        VerificationFlow flow = flowId != null ? kratos(ctx).verification().fetch(FlowId.of(flowId))
                : kratos(ctx).verification().start();
        json.put("flow", flow.id().value());
        ctx.out().line("Verification flow " + flow.id());
        VerificationOutcome outcome;
        if (code != null) {
            outcome = kratos(ctx).verification().submit(flow, VerificationMethod.Code.submit(Secret.of(code.strip())));
        } else if (flow.state().filter("sent_email"::equals).isPresent() && ctx.interactive()) {
            outcome = kratos(ctx).verification().submit(flow, VerificationMethod.Code.submit(askCode(ctx)));
        } else {
            String address = value(ctx, email, "Email", "--email", Optional.empty());
            outcome = kratos(ctx).verification().submit(flow, VerificationMethod.Code.request(address));
        }
        int retries = 0;
        while (true) {
            if (outcome instanceof VerificationOutcome.Verified verified) {
                ctx.out().messages(verified.flow().ui(), false);
                ctx.out().line("Verified.");
                json.put("outcome", "verified").set("messages", Describe.messagesJson(verified.flow().ui()));
                ctx.out().result(json);
                return ExitCode.OK;
            } else if (outcome instanceof VerificationOutcome.CodeSent sent) {
                ctx.out().messages(sent.flow().ui(), false);
                if (!ctx.interactive()) {
                    ctx.out().line("Continue with: kratos-flows verify --flow " + sent.flow().id() + " --code CODE");
                    json.put("outcome", "code_sent").put("flow", sent.flow().id().value());
                    ctx.out().result(json);
                    return ExitCode.OK;
                }
                outcome = kratos(ctx).verification().submit(sent.flow(), VerificationMethod.Code.submit(askCode(ctx)));
            } else if (outcome instanceof VerificationOutcome.InvalidCode invalid) {
                ctx.out().messages(invalid.flow().ui(), false);
                if (!ctx.interactive() || ++retries >= 3) {
                    throw rejected("verification", invalid.flow().ui());
                }
                outcome = kratos(ctx).verification().submit(invalid.flow(), VerificationMethod.Code.submit(askCode(ctx)));
            } else if (outcome instanceof VerificationOutcome.NeedsInput needs) {
                ctx.out().messages(needs.flow().ui(), false);
                throw rejected("verification", needs.flow().ui());
            } else if (outcome instanceof VerificationOutcome.FlowExpired expired) {
                throw new CliException(ExitCode.FLOW_EXPIRED, "the verification flow expired: start again"
                        + expired.replacement().map(r -> " (or continue in flow " + r + ")").orElse(""));
            } else if (outcome instanceof VerificationOutcome.TooManyAttempts tooMany) {
                throw new CliException(ExitCode.FLOW_EXPIRED, "too many wrong codes: start again"
                        + tooMany.replacement().map(r -> " (or continue in flow " + r + ")").orElse(""));
            } else if (outcome instanceof VerificationOutcome.MethodUnavailable unavailable) {
                throw CliException.invalidInput("this Kratos does not offer verification by " + unavailable.method());
            } else {
                throw new CliException(ExitCode.FLOW_EXPIRED, "this verification flow was already used: start a new one"
                        + " with 'kratos-flows verify --email EMAIL'");
            }
        }
    }

    private static Secret askCode(CommandContext ctx) {
        return ctx.prompter().secret("Verification code from the email", true);
    }
}
