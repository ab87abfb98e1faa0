package io.kratosflows.cli;

import io.kratosflows.session.LogoutOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kratos-flows logout}: revokes a session ({@code DELETE /self-service/logout/api}). */
@Command(name = "logout", mixinStandardHelpOptions = true, versionProvider = KratosFlowsCli.Version.class, sortOptions = false,
        description = {"Revoke the session; the token file is deleted afterwards.",
            "Example: kratos-flows logout --token-file ~/.kratos-token"})
final class LogoutCommand extends FlowCommand {

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "Read the session token from FILE (default: $KRATOS_SESSION_TOKEN, else the profile's token file).")
    Path tokenFile;

    @Option(names = "--keep-token-file", description = "Do not delete the token file after a successful logout.")
    boolean keepTokenFile;

    @Override
    ExitCode run(CommandContext ctx) {
        StoredToken token = requireToken(ctx, tokenFile);
        return ctx.answered(kratos(ctx).sessions().logout(token.token())).handle(new LogoutOutcome.Handler<ExitCode>() {
            @Override
            public ExitCode loggedOut(LogoutOutcome.LoggedOut loggedOut) {
                ctx.out().line("Signed out: the session is revoked.");
                token.file().filter(f -> !keepTokenFile).ifPresent(file -> delete(ctx, file));
                return ExitCode.OK;
            }

            @Override
            public ExitCode sessionNotFound(LogoutOutcome.SessionNotFound notFound) {
                throw CliException.authFailed("not signed in: Kratos does not know this session token ("
                        + notFound.error().summary() + ")");
            }
        });
    }

    private static void delete(CommandContext ctx, Path file) {
        try {
            Files.deleteIfExists(file);
            ctx.out().line("  deleted " + file);
            ctx.data().put("deleted_token_file", file.toString());
        } catch (IOException e) {
            ctx.out().warn("could not delete " + file + ": " + e.getClass().getSimpleName());
        }
    }
}
