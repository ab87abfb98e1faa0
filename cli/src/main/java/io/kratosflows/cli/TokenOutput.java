package io.kratosflows.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where a command that signs in puts the new session token: {@code --token-file} (0600), standard
 * output with {@code --print-token}, else the profile's token file (0600); nowhere without a home folder.
 */
final class TokenOutput {

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "Write the session token to FILE (mode 0600; default: the profile's token file,"
                    + " $XDG_STATE_HOME/kratos-flows/tokens/PROFILE).")
    Path tokenFile;

    @Option(names = "--print-token",
            description = "Print the session token on standard output (then no file is written unless --token-file).")
    boolean printToken;
}
