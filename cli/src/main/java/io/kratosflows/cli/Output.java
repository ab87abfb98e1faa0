package io.kratosflows.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kratosflows.HttpExchange;
import io.kratosflows.ui.Ui;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a command prints, by mode: human lines on standard output; with {@code --json} one JSON
 * object instead (the {@link #envelope envelope}, the same shape for every command, success or
 * failure); with {@code --quiet} only what was asked for ({@code --print-token}, JSON) and
 * errors. Diagnostics (the request trace with {@code --verbose}, warnings, errors) go to
 * standard error.
 */
final class Output {

    private final Terminal terminal;
    private final boolean json;
    private final boolean quiet;
    private final boolean verbose;

    Output(Terminal terminal, boolean json, boolean quiet, boolean verbose) {
        this.terminal = Objects.requireNonNull(terminal, "terminal");
        this.json = json;
        this.quiet = quiet;
        this.verbose = verbose;
    }

    boolean json() {
        return json;
    }

    boolean quiet() {
        return quiet;
    }

    boolean verbose() {
        return verbose;
    }

    /** A new JSON object (no ObjectMapper: that is built only to print with --json). */
    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * The one JSON object {@code --json} prints, for every command, success or failure:
     * {@code {"ok", "command", "outcome", "exit_code", "data", "error"}}; {@code outcome} is the
     * last outcome Kratos answered or null, {@code error} is null on success, else
     * {@code {"kind", "message"}}.
     */
    static ObjectNode envelope(String command, Optional<String> outcome, int exitCode, ObjectNode data,
            Optional<ObjectNode> error) {
        ObjectNode envelope = object();
        envelope.put("ok", exitCode == 0);
        envelope.put("command", command);
        envelope.put("outcome", outcome.orElse(null));
        envelope.put("exit_code", exitCode);
        envelope.set("data", data);
        envelope.set("error", error.orElse(null));
        return envelope;
    }

    /** The {@code error} member of a failure's envelope. */
    static ObjectNode error(String kind, String message) {
        return object().put("kind", kind).put("message", message);
    }

    /** A line for a person; not printed with --json or --quiet. */
    void line(String text) {
        if (!json && !quiet) {
            terminal.out().println(text);
            terminal.out().flush();
        }
    }

    /** Kratos's messages on a flow, one per line, indented. */
    void messages(Ui ui, boolean showSecrets) {
        UiRenderer.messages(ui, showSecrets).forEach(m -> line("  " + m));
    }

    /** Output that was explicitly asked for (a token with --print-token): printed even with --quiet. */
    void requested(String text) {
        if (!json) {
            terminal.out().println(text);
            terminal.out().flush();
        }
    }

    /** The JSON envelope of a command, printed only with --json. */
    void result(ObjectNode result) {
        if (json) {
            try {
                terminal.out().println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the result as JSON", e);
            }
            terminal.out().flush();
        }
    }

    /** A warning on standard error; not printed with --quiet. */
    void warn(String text) {
        if (!quiet) {
            terminal.err().println("kratos-flows: " + text);
            terminal.err().flush();
        }
    }

    /** Request lines on standard error, with --verbose only. */
    void trace(List<HttpExchange> exchanges) {
        if (verbose) {
            exchanges.forEach(e -> terminal.err().println("  > " + e.line()));
            terminal.err().flush();
        }
    }
}
