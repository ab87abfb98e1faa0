package io.kratosflows.cli;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The training run for the class-data-sharing archive the {@code ./kratos-flows} launcher makes
 * after each build ({@code java -XX:ArchiveClassesAtExit=kratos-flows.jsa -cp kratos-flows.jar
 * io.kratosflows.cli.CdsTraining}): runs the CLI's common paths in-process — every help page,
 * {@code --version}, a JSON and a text command against a port where nothing listens — so that the
 * JVM archives the classes they load. Prints nothing and needs no network, Kratos or home folder.
 */
public final class CdsTraining {

    /** Nothing answers here (the TCP port 1 is reserved): the commands fail fast, after loading the client. */
    private static final String NOWHERE = "http://127.0.0.1:1";

    private CdsTraining() {
    }

    /** Runs the training commands; always exits 0 (their own exit codes do not matter). */
    public static void main(String[] args) {
        List<List<String>> runs = new ArrayList<>();
        runs.add(List.of("--version"));
        runs.add(List.of("--help"));
        for (String command : KratosFlowsCli.newCommandLine(quietTerminal("")).getSubcommands().keySet()) {
            runs.add(List.of(command, "--help"));
        }
        runs.add(List.of("whoami", "--kratos-url", NOWHERE, "--timeout", "2s"));
        runs.add(List.of("whoami", "--kratos-url", NOWHERE, "--timeout", "2s", "--json"));
        runs.add(List.of("login", "--kratos-url", NOWHERE, "--timeout", "2s", "--email", "a@example.org", "--password-stdin"));
        runs.add(List.of("no-such-command"));
        for (List<String> run : runs) {
            KratosFlowsCli.run(quietTerminal("training-password\n"), run.toArray(String[]::new));
        }
        System.exit(0);
    }

    private static Terminal quietTerminal(String stdin) {
        PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        return Terminal.of(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), nowhere, nowhere,
                Map.of(KratosFlowsCli.ENV_SESSION_TOKEN, "ory_st_training"));
    }
}
