package io.kratosflows.cli;

import io.kratosflows.Kratos;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.Traits;
import io.kratosflows.ui.NodeAttributes;
import io.kratosflows.ui.Ui;
import io.kratosflows.ui.UiNode;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The shared shape of a command: run it in a fresh {@link CommandContext} (see
 * {@link KratosFlowsCli#execute}), follow a flow's outcomes until a handler ends it, plus the
 * helpers every flow needs (tokens in and out, secrets from standard input, traits from dotted keys).
 */
abstract class FlowCommand implements Callable<Integer> {

    /** More submissions than any flow needs: a loop guard, not a limit a person meets. */
    static final int MAX_STEPS = 12;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        KratosFlowsCli root = (KratosFlowsCli) spec.root().userObject();
        return root.execute(spec, ctx -> {
            ctx.publicUrl(); // a bad URL is a usage error before anything else (a missing token, a prompt)
            ctx.adminUrl();
            return run(ctx);
        });
    }

    /** The command; a failure is thrown as a {@link CliException} (or a library exception) and reported. */
    abstract ExitCode run(CommandContext ctx);

    /**
     * The next submission an outcome handler asks for.
     *
     * @param flow    the flow to submit to
     * @param payload what to submit
     * @param <F>     the flow type
     * @param <P>     the method payload type
     */
    record Next<F, P>(F flow, P payload) {
    }

    /**
     * Submits {@code payload} to {@code flow}, hands each outcome to {@code handle}, and submits what
     * it returns, until it returns empty (the command is done) or throws (the command failed).
     * Each outcome is recorded as the command's last ({@code --json}'s {@code outcome}).
     */
    static <F, P, O> void follow(CommandContext ctx, String what, F flow, P payload, BiFunction<F, P, O> submit,
            Function<O, Optional<Next<F, P>>> handle) {
        Next<F, P> next = new Next<>(flow, payload);
        for (int step = 0; step < MAX_STEPS; step++) {
            O outcome = ctx.answered(submit.apply(next.flow(), next.payload()));
            Optional<Next<F, P>> again = handle.apply(outcome);
            if (again.isEmpty()) {
                return;
            }
            next = again.get();
        }
        throw new CliException(ExitCode.UNEXPECTED_RESPONSE, "the " + what + " did not finish after " + MAX_STEPS + " steps");
    }

    static Kratos kratos(CommandContext ctx) {
        return ctx.connection().kratos();
    }

    /**
     * A session token and the file it was read from.
     *
     * @param token the token
     * @param file  its file; empty when it came from {@code $KRATOS_SESSION_TOKEN}
     */
    record StoredToken(SessionToken token, Optional<Path> file) {
    }

    /**
     * The session token from {@code --token-file}, else {@code $KRATOS_SESSION_TOKEN}, else the
     * profile's token file (by default {@code $XDG_STATE_HOME/kratos-flows/tokens/PROFILE}).
     */
    static StoredToken requireToken(CommandContext ctx, Path tokenFile) {
        if (tokenFile != null) {
            return new StoredToken(readToken(ctx, tokenFile), Optional.of(tokenFile));
        }
        Optional<String> fromEnv = ctx.terminal().env(KratosFlowsCli.ENV_SESSION_TOKEN);
        if (fromEnv.isPresent()) {
            return new StoredToken(SessionToken.of(fromEnv.get()), Optional.empty());
        }
        Optional<Path> stored = ctx.profileTokenFile().filter(f -> Files.exists(f, LinkOption.NOFOLLOW_LINKS));
        if (stored.isPresent()) {
            return new StoredToken(readToken(ctx, stored.get()), stored);
        }
        throw CliException.authFailed("not signed in: no session token (sign in with 'kratos-flows login', pass"
                + " --token-file FILE or set " + KratosFlowsCli.ENV_SESSION_TOKEN + ")"
                + ctx.profileTokenFile().map(f -> "; " + f + " does not exist").orElse(""));
    }

    private static SessionToken readToken(CommandContext ctx, Path file) {
        SessionToken token = TokenFiles.readToken(file);
        if (TokenFiles.readableByOthers(file)) {
            ctx.out().warn("warning: " + file + " is readable by other users; chmod 600 it");
        }
        return token;
    }

    /**
     * Hands a new token over as asked: to {@code --token-file} (0600), printed with
     * {@code --print-token}, else to the profile's token file; says how when it goes nowhere.
     */
    static void deliverToken(CommandContext ctx, SessionToken token, TokenOutput target) {
        Optional<Path> file = tokenTarget(ctx, target);
        file.ifPresent(f -> {
            TokenFiles.write(f, token);
            ctx.out().line("  session token written to " + f + " (mode 0600)");
            ctx.data().put("token_file", f.toString());
        });
        if (target.printToken) {
            ctx.out().requested(token.reveal());
            ctx.data().put("session_token", token.reveal());
        }
        if (file.isEmpty() && !target.printToken) {
            ctx.out().line("  session token not shown: pass --token-file FILE to keep it, or --print-token");
        }
    }

    /** The file a new token goes to: {@code --token-file}, else (without {@code --print-token}) the profile's. */
    static Optional<Path> tokenTarget(CommandContext ctx, TokenOutput target) {
        return target.tokenFile != null ? Optional.of(target.tokenFile)
                : target.printToken ? Optional.empty() : ctx.profileTokenFile();
    }

    /**
     * A password: its line of standard input when {@code fromStdin}, else a hidden prompt when
     * interactive, else an invalid-input failure naming {@code option}.
     */
    static Secret secret(CommandContext ctx, StdinSecrets.Slot slot, boolean fromStdin, String label, String option) {
        if (fromStdin) {
            return ctx.stdin().read(slot, label.toLowerCase(Locale.ROOT));
        }
        if (ctx.interactive()) {
            return ctx.prompter().secret(label, true);
        }
        throw CliException.invalidInput("missing " + label.toLowerCase(Locale.ROOT) + ": pass " + option
                + " (or run on a terminal / with --interactive)");
    }

    /** A password from {@code --password-stdin} (first submission), a prompt, or a failure. */
    static Secret password(CommandContext ctx, boolean fromStdin, String label) {
        return secret(ctx, StdinSecrets.Slot.PASSWORD, fromStdin, label, "--password-stdin");
    }

    /**
     * A one-time code: the argument when given, else its line of standard input ({@code --…-code-stdin}),
     * else a hidden prompt when interactive, else an invalid-input failure naming {@code option}.
     */
    static Secret code(CommandContext ctx, Optional<String> argument, String label, String option) {
        if (argument.isPresent()) {
            return Secret.of(argument.get().strip());
        }
        if (ctx.stdin().given(StdinSecrets.Slot.CODE)) {
            return ctx.stdin().read(StdinSecrets.Slot.CODE, label.toLowerCase(Locale.ROOT));
        }
        if (ctx.interactive()) {
            return ctx.prompter().secret(label, true);
        }
        throw CliException.invalidInput("missing " + label.toLowerCase(Locale.ROOT) + ": pass " + option
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
