package io.kratosflows.cli;

import io.kratosflows.Secret;
import io.kratosflows.session.TokenExchangeOutcome;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kratos-flows token-exchange}: the last step of a native flow that went through a browser
 * ({@code GET /sessions/token-exchange}): the flow's init code plus the return-to code the browser
 * came back with become a session token.
 */
@Command(name = "token-exchange", mixinStandardHelpOptions = true, versionProvider = KratosFlowsCli.Version.class, sortOptions = false,
        description = {"Exchange the codes of a browser hand-over (social sign-in) for a session token.",
            "Example: kratos-flows token-exchange --exchange-code-file code.txt --return-to-code RTC --token-file ~/.kratos-token"})
final class TokenExchangeCommand extends FlowCommand {

    @Option(names = "--exchange-code-file", paramLabel = "FILE",
            description = "The init code written by 'login --exchange-code-file FILE'.")
    Path exchangeCodeFile;

    @Option(names = "--init-code-stdin", description = "Read the init code from standard input instead.")
    boolean initCodeStdin;

    @Option(names = "--return-to-code", paramLabel = "CODE", required = true,
            description = "The return_to_code parameter the browser was sent back with (visible to other users in"
                    + " the process list; it is useless without the init code).")
    String returnToCode;

    @Mixin
    TokenOutput tokens;

    @Override
    ExitCode run(CommandContext ctx) {
        Secret init = exchangeCodeFile != null ? TokenFiles.readSecret(exchangeCodeFile, "exchange code")
                : code(ctx, Optional.empty(), "Init code", "--exchange-code-file FILE or --init-code-stdin");
        TokenExchangeOutcome outcome = kratos(ctx).sessions().exchangeToken(init, Secret.of(returnToCode));
        return ctx.answered(outcome).handle(new TokenExchangeOutcome.Handler<ExitCode>() {
            @Override
            public ExitCode exchanged(TokenExchangeOutcome.Exchanged exchanged) {
                ctx.out().line("Signed in: " + Describe.session(exchanged.session()));
                ctx.data().set("session", Describe.sessionJson(exchanged.session()));
                deliverToken(ctx, exchanged.token(), tokens);
                return ExitCode.OK;
            }

            @Override
            public ExitCode rejected(TokenExchangeOutcome.Rejected rejected) {
                throw CliException.authFailed("Kratos refused the codes (unknown, used or expired): "
                        + rejected.error().summary());
            }

            @Override
            public ExitCode loginFailed(TokenExchangeOutcome.LoginFailed failed) {
                ctx.out().messages(failed.flow().ui(), false);
                throw CliException.authFailed(FlowCommand.rejected("the sign-in in the browser", failed.flow().ui()).getMessage());
            }

            @Override
            public ExitCode registrationFailed(TokenExchangeOutcome.RegistrationFailed failed) {
                ctx.out().messages(failed.flow().ui(), false);
                throw CliException.authFailed(FlowCommand.rejected("the sign-up in the browser", failed.flow().ui()).getMessage());
            }
        });
    }
}
