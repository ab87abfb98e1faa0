package io.kratosflows.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kratosflows.session.WhoamiOutcome;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kratos-flows whoami}: who the session token belongs to ({@code GET /sessions/whoami}). */
@Command(name = "whoami", mixinStandardHelpOptions = true, versionProvider = KratosFlowsCli.Version.class, sortOptions = false,
        description = {"Show the session and identity behind a session token.",
            "Example: kratos-flows whoami --token-file ~/.kratos-token"})
final class WhoamiCommand extends FlowCommand {

    @Option(names = "--token-file", paramLabel = "FILE", description = "Read the session token from FILE (default: $KRATOS_SESSION_TOKEN).")
    Path tokenFile;

    @Override
    ExitCode run(CommandContext ctx) {
        WhoamiOutcome outcome = kratos(ctx).sessions().whoami(requireToken(ctx, tokenFile));
        ObjectNode json = Output.object().put("command", "whoami");
        if (outcome instanceof WhoamiOutcome.Active active) {
            ctx.out().line("Signed in: " + Describe.session(active.session()));
            active.session().identity().ifPresent(identity -> identity.verifiableAddresses().forEach(a ->
                    ctx.out().line("  address " + a.value() + ": " + (a.verified() ? "verified" : "not verified"))));
            json.put("outcome", "active").set("session", Describe.sessionJson(active.session()));
            ctx.out().result(json);
            return ExitCode.OK;
        } else if (outcome instanceof WhoamiOutcome.NotSignedIn notSignedIn) {
            throw CliException.authFailed("not signed in: the session token is unknown, expired or revoked ("
                    + notSignedIn.error().summary() + ")");
        }
        throw CliException.authFailed("the session needs a second factor: run 'kratos-flows login --aal2"
                + " --token-file FILE'");
    }
}
