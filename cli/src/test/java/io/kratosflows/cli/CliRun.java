package io.kratosflows.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the CLI in-process through picocli's {@code CommandLine.execute}, with captured standard
 * output and error, the given standard input, no console and a controlled environment.
 *
 * @param exitCode the exit status
 * @param out      what went to standard output
 * @param err      what went to standard error
 */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(String stdin, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> environment = new HashMap<>(env);
        environment.putIfAbsent("PATH", "/nonexistent-for-tests");
        Terminal terminal = Terminal.of(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true), environment);
        int code = KratosFlowsCli.run(terminal, args); // as main does: only the command that runs is built
        return new CliRun(code, out.toString(), err.toString());
    }

    static CliRun run(String... args) {
        return run("", Map.of(), args);
    }

    /** Standard error's non-empty lines. */
    List<String> errLines() {
        return err.lines().filter(l -> !l.isBlank()).toList();
    }

    String all() {
        return out + "\n" + err;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
    }
}
