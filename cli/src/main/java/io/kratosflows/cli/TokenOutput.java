package io.kratosflows.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a command that signs in puts the new session token: a 0600 file, standard output, or nowhere. */
final class TokenOutput {

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "Write the session token to FILE (created with mode 0600).")
    Path tokenFile;

    @Option(names = "--print-token", description = "Print the session token on standard output.")
    boolean printToken;
}
