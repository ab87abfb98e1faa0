package io.kratosflows.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the CLI reads and writes: standard input (or the console, for hidden input), standard
 * output and error, and the environment. Injected so that tests drive the CLI in-process with
 * their own streams, environment and no console.
 */
final class Terminal {

    private final BufferedReader in;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Optional<Console> console;
    private final Map<String, String> env;

    Terminal(InputStream in, PrintWriter out, PrintWriter err, Optional<Console> console,
            Map<String, String> env) {
        this.in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(in, "in"),
                StandardCharsets.UTF_8));
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.console = Objects.requireNonNull(console, "console");
        this.env = Map.copyOf(env);
    }

    /** The process's own streams, console (when both ends are a terminal) and environment. */
    static Terminal system() {
        return new Terminal(System.in,
                new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                Optional.ofNullable(System.console()), System.getenv());
    }

    /** Streams without a console, as in a pipe or a test. */
    static Terminal of(InputStream in, PrintWriter out, PrintWriter err, Map<String, String> env) {
        return new Terminal(in, out, err, Optional.empty(), env);
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    Map<String, String> env() {
        return env;
    }

    Optional<String> env(String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** Whether a person sits at a terminal (the JDK's console exists). */
    boolean hasConsole() {
        return console.isPresent();
    }

    /** The next line of input (console or standard input), empty at end of input. */
    Optional<String> readLine(String prompt) {
        if (console.isPresent()) {
            return Optional.ofNullable(console.get().readLine("%s", prompt));
        }
        showPrompt(prompt);
        return stdinLine(!prompt.isEmpty());
    }

    /** The next line, not echoed on a console; read as a plain line from standard input otherwise. */
    Optional<char[]> readSecret(String prompt) {
        if (console.isPresent()) {
            return Optional.ofNullable(console.get().readPassword("%s", prompt));
        }
        showPrompt(prompt);
        return stdinLine(!prompt.isEmpty()).map(String::toCharArray);
    }

    private void showPrompt(String prompt) {
        if (!prompt.isEmpty()) {
            out.print(prompt);
            out.flush();
        }
    }

    private Optional<String> stdinLine(boolean prompted) {
        try {
            String line = in.readLine();
            if (prompted) {
                out.println(); // piped answers are not echoed: end the prompt's line ourselves
                out.flush();
            }
            return Optional.ofNullable(line);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
    }
}
