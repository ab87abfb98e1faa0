package io.kratosflows.cli;

import io.kratosflows.SessionToken;
import io.kratosflows.session.WhoamiOutcome;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kratos-flows whoami}: who the session token belongs to ({@code GET /sessions/whoami}). */
@Command(name = "whoami", mixinStandardHelpOptions = true, versionProvider = KratosFlowsCli.Version.class, sortOptions = false,
        description = {"Show the session and identity behind a session token.",
            "Example: kratos-flows whoami --token-file ~/.kratos-token"})
final class WhoamiCommand extends FlowCommand {

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "Read the session token from FILE (default: $KRATOS_SESSION_TOKEN, else the profile's token file).")
    Path tokenFile;

    @Override
    ExitCode run(CommandContext ctx) {
        SessionToken token = requireToken(ctx, tokenFile).token();
        return ctx.answered(kratos(ctx).sessions().whoami(token)).handle(new WhoamiOutcome.Handler<ExitCode>() {
            @Override
            public ExitCode active(WhoamiOutcome.Active active) {
                ctx.out().line("Signed in: " + Describe.session(active.session()));
                active.session().identity().ifPresent(identity -> identity.verifiableAddresses().forEach(a ->
                        ctx.out().line("  address " + a.value() + ": " + (a.verified() ? "verified" : "not verified"))));
                ctx.data().set("session", Describe.sessionJson(active.session()));
                return ExitCode.OK;
            }

            @Override
            public ExitCode notSignedIn(WhoamiOutcome.NotSignedIn notSignedIn) {
                throw CliException.authFailed("not signed in: the session token is unknown, expired or revoked ("
                        + notSignedIn.error().summary() + ")");
            }

            @Override
            public ExitCode secondFactorRequired(WhoamiOutcome.SecondFactorRequired second) {
                throw CliException.authFailed("the session needs a second factor: run 'kratos-flows login --aal2"
                        + " --token-file FILE'");
            }
        });
    }
}
