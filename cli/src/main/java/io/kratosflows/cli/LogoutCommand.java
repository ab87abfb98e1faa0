package io.kratosflows.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
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

    @Option(names = "--token-file", paramLabel = "FILE", description = "Read the session token from FILE (default: $KRATOS_SESSION_TOKEN).")
    Path tokenFile;

    @Option(names = "--keep-token-file", description = "Do not delete the token file after a successful logout.")
    boolean keepTokenFile;

    @Override
    ExitCode run(CommandContext ctx) {
        LogoutOutcome outcome = kratos(ctx).sessions().logout(requireToken(ctx, tokenFile));
        if (outcome instanceof LogoutOutcome.SessionNotFound notFound) {
            throw CliException.authFailed("not signed in: Kratos does not know this session token ("
                    + notFound.error().summary() + ")");
        }
        ObjectNode json = Output.object().put("command", "logout").put("outcome", "logged_out");
        ctx.out().line("Signed out: the session is revoked.");
        if (tokenFile != null && !keepTokenFile) {
            try {
                Files.deleteIfExists(tokenFile);
                ctx.out().line("  deleted " + tokenFile);
                json.put("deleted_token_file", tokenFile.toString());
            } catch (IOException e) {
                ctx.out().warn("could not delete " + tokenFile + ": " + e.getClass().getSimpleName());
            }
        }
        ctx.out().result(json);
        return ExitCode.OK;
    }
}
