package io.kratosflows.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kratosflows.Kratos;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.Traits;
import io.kratosflows.ui.NodeAttributes;
import io.kratosflows.ui.Ui;
import io.kratosflows.ui.UiNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The shared shape of a command: open a {@link CommandContext}, run, map the result to an
 * {@link ExitCode}; plus the helpers every flow needs (tokens in and out, secrets from standard
 * input, traits from dotted keys).
 */
abstract class FlowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        KratosFlowsCli root = (KratosFlowsCli) spec.root().userObject();
        try (CommandContext ctx = root.context()) {
            return run(ctx).code();
        }
    }

    abstract ExitCode run(CommandContext ctx);

    static Kratos kratos(CommandContext ctx) {
        return ctx.connection().kratos();
    }

    /** The session token from {@code --token-file}, else {@code $KRATOS_SESSION_TOKEN}. */
    static SessionToken requireToken(CommandContext ctx, Path tokenFile) {
        if (tokenFile != null) {
            if (TokenFiles.readableByOthers(tokenFile)) {
                ctx.out().warn("warning: " + tokenFile + " is readable by other users; chmod 600 it");
            }
            return TokenFiles.readToken(tokenFile);
        }
        return ctx.terminal().env(KratosFlowsCli.ENV_SESSION_TOKEN).map(SessionToken::of)
                .orElseThrow(() -> CliException.authFailed("not signed in: pass --token-file FILE (written by"
                        + " 'kratos-flows login --token-file FILE') or set " + KratosFlowsCli.ENV_SESSION_TOKEN));
    }

    /** Hands a new token over as asked: to the file (0600), printed, or neither (then says how). */
    static void deliverToken(CommandContext ctx, SessionToken token, TokenOutput target, ObjectNode json) {
        boolean delivered = false;
        if (target.tokenFile != null) {
            TokenFiles.write(target.tokenFile, token);
            ctx.out().line("  session token written to " + target.tokenFile + " (mode 0600)");
            json.put("token_file", target.tokenFile.toString());
            delivered = true;
        }
        if (target.printToken) {
            ctx.out().requested(token.reveal());
            json.put("session_token", token.reveal());
            delivered = true;
        }
        if (!delivered) {
            ctx.out().line("  session token not shown: pass --token-file FILE to keep it, or --print-token");
        }
    }

    /**
     * A secret: the next line of standard input when {@code fromStdin}, else a hidden prompt when
     * interactive, else an invalid-input failure naming {@code option}.
     */
    static Secret secret(CommandContext ctx, boolean fromStdin, String label, String option) {
        if (fromStdin) {
            char[] line = ctx.terminal().readSecret("").orElseThrow(() -> CliException.invalidInput(
                    option + " was given but standard input ended before the " + label.toLowerCase()));
            Secret secret = Secret.of(new String(line).strip());
            if (secret.isBlank()) {
                throw CliException.invalidInput(option + ": the " + label.toLowerCase() + " on standard input is empty");
            }
            return secret;
        }
        if (ctx.interactive()) {
            return ctx.prompter().secret(label, true);
        }
        throw CliException.invalidInput("missing " + label.toLowerCase() + ": pass " + option
                + " (or run on a terminal / with --interactive)");
    }

    /** A plain value: the option's, else a prompt when interactive, else invalid input. */
    static String value(CommandContext ctx, String given, String label, String option, Optional<String> preset) {
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        if (ctx.interactive()) {
            return ctx.prompter().ask(label, preset, true);
        }
        return preset.orElseThrow(() -> CliException.invalidInput("missing " + label.toLowerCase() + ": pass "
                + option + " (or run on a terminal / with --interactive)"));
    }

    /** Traits from dotted names ({@code traits.name.first} or {@code name.first}) to a nested object. */
    static Traits traits(Map<String, String> dotted) {
        Map<String, Object> root = new LinkedHashMap<>();
        dotted.forEach((key, value) -> {
            String path = key.startsWith("traits.") ? key.substring("traits.".length()) : key;
            String[] parts = path.split("\\.");
            Map<String, Object> current = root;
            for (int i = 0; i < parts.length - 1; i++) {
                Object next = current.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
                if (!(next instanceof Map)) {
                    throw CliException.invalidInput("trait '" + path + "' conflicts with trait '" + parts[i] + "'");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> nested = (Map<String, Object>) next;
                current = nested;
            }
            current.put(parts[parts.length - 1], value);
        });
        return Traits.of(root);
    }

    /** The non-empty values of a flow's {@code traits.*} inputs, by input name. */
    static Map<String, String> traitValues(Ui ui) {
        Map<String, String> values = new LinkedHashMap<>();
        for (UiNode node : ui.nodes()) {
            node.input().filter(i -> i.name().startsWith("traits."))
                    .flatMap(NodeAttributes.Input::valueAsString).filter(v -> !v.isBlank())
                    .ifPresent(v -> values.put(node.input().get().name(), v));
        }
        return values;
    }

    /** The failure for a flow Kratos sent back with errors: its first error message, and the matching exit code. */
    static CliException rejected(String what, Ui ui) {
        String first = ui.allMessages().stream().filter(io.kratosflows.ui.UiMessage::isError)
                .map(m -> UiRenderer.message(m, false)).findFirst()
                .orElse("Kratos needs more input: " + String.join(" ", UiRenderer.messages(ui, false)));
        return new CliException(ErrorCodes.exitFor(ui), what + " failed: " + first);
    }

    /** The value of a named input node, when it has one. */
    static Optional<String> inputValue(Ui ui, String name) {
        return ui.node(name).flatMap(UiNode::input).flatMap(NodeAttributes.Input::valueAsString)
                .filter(v -> !v.isBlank());
    }

    /** The label of the submit button for a method, e.g. "Sign in with password". */
    static Optional<String> methodLabel(Ui ui, String method) {
        return ui.nodes().stream()
                .filter(n -> n.input().filter(i -> i.isButton() && i.name().equals("method")
                        && i.valueAsString().filter(method::equals).isPresent()).isPresent())
                .map(UiRenderer::label).findFirst();
    }
}
