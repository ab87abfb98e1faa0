package io.kratosflows.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kratosflows.FlowId;
import io.kratosflows.SessionToken;
import io.kratosflows.error.KratosErrorException;
import io.kratosflows.ui.NodeAttributes;
import io.kratosflows.ui.Ui;
import io.kratosflows.ui.UiNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kratos-flows flows}: look at self-service flows by id. */
@Command(name = "flows", mixinStandardHelpOptions = true, versionProvider = KratosFlowsCli.Version.class,
        description = "Look at self-service flows.", subcommands = FlowsCommand.Show.class)
final class FlowsCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: flows show <id>");
    }

    /** The kinds of flow, in the order {@code show} tries them. */
    enum FlowType { LOGIN, REGISTRATION, SETTINGS, RECOVERY, VERIFICATION }

    /**
     * What {@code show} prints of any flow.
     *
     * @param type      the kind of flow
     * @param id        its id
     * @param state     its state, when Kratos sent one
     * @param expiresAt when it expires, when sent
     * @param ui        its form and messages
     */
    record FlowView(FlowType type, FlowId id, Optional<String> state, Optional<Instant> expiresAt, Ui ui) {
    }

    /**
     * {@code kratos-flows flows show <id>}: fetches a flow of any type ({@code GET
     * /self-service/<type>/flows?id=}) and prints its state, methods, nodes and messages.
     */
    @Command(name = "show", mixinStandardHelpOptions = true, versionProvider = KratosFlowsCli.Version.class, sortOptions = false,
            description = {"Show a flow of any type: state, methods, form nodes and messages.",
                "Example: kratos-flows flows show 5f0c...   (tries login, registration, settings, recovery, verification)"})
    static final class Show extends FlowCommand {

        @Parameters(paramLabel = "ID", description = "The flow id.")
        String id;

        @Option(names = "--type", paramLabel = "TYPE", description = "login, registration, settings, recovery or verification (default: try each).")
        FlowType type;

        @Option(names = "--token-file", paramLabel = "FILE",
                description = "Session token for settings (and refresh login) flows (default: $KRATOS_SESSION_TOKEN,"
                        + " else the profile's token file).")
        Path tokenFile;

        @Option(names = "--show-secrets", description = "Show values Kratos put in the form that are secret (TOTP secret, backup codes).")
        boolean showSecrets;

        @Override
        ExitCode run(CommandContext ctx) {
            FlowId flowId = FlowId.of(id);
            boolean signedIn = tokenFile != null || ctx.terminal().env(KratosFlowsCli.ENV_SESSION_TOKEN).isPresent()
                    || ctx.profileTokenFile().filter(f -> java.nio.file.Files.exists(f, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                            .isPresent();
            Optional<SessionToken> token = signedIn ? Optional.of(requireToken(ctx, tokenFile).token()) : Optional.empty();
            List<FlowType> candidates = type != null ? List.of(type) : List.of(FlowType.values());
            List<String> tried = new ArrayList<>();
            for (FlowType candidate : candidates) {
                if (candidate == FlowType.SETTINGS && token.isEmpty()) {
                    if (type != null) {
                        throw CliException.authFailed("settings flows need a session: pass --token-file FILE");
                    }
                    continue;
                }
                try {
                    FlowView view = fetch(ctx, candidate, flowId, token);
                    print(ctx, view, showSecrets);
                    return ExitCode.OK;
                } catch (KratosErrorException e) {
                    if (e.status() == 410) {
                        throw new CliException(ExitCode.FLOW_EXPIRED, candidate.name().toLowerCase(Locale.ROOT)
                                + " flow " + flowId + " has expired (" + e.error().summary() + ")");
                    }
                    if (type != null || e.status() >= 500) {
                        throw e;
                    }
                    tried.add(candidate.name().toLowerCase(Locale.ROOT) + " (HTTP " + e.status() + ")");
                }
            }
            throw CliException.invalidInput("no flow " + flowId + " found; tried " + String.join(", ", tried)
                    + (token.isEmpty() ? " (settings skipped: no --token-file)" : ""));
        }

        static FlowView fetch(CommandContext ctx, FlowType type, FlowId id, Optional<SessionToken> token) {
            switch (type) {
                case LOGIN: {
                    var f = token.map(t -> kratos(ctx).login().fetch(id, t)).orElseGet(() -> kratos(ctx).login().fetch(id));
                    return new FlowView(type, f.id(), f.state(), f.expiresAt(), f.ui());
                }
                case REGISTRATION: {
                    var f = kratos(ctx).registration().fetch(id);
                    return new FlowView(type, f.id(), f.state(), f.expiresAt(), f.ui());
                }
                case SETTINGS: {
                    var f = kratos(ctx).settings().fetch(id, token.orElseThrow());
                    return new FlowView(type, f.id(), f.state(), f.expiresAt(), f.ui());
                }
                case RECOVERY: {
                    var f = kratos(ctx).recovery().fetch(id);
                    return new FlowView(type, f.id(), f.state(), f.expiresAt(), f.ui());
                }
                default: {
                    var f = kratos(ctx).verification().fetch(id);
                    return new FlowView(type, f.id(), f.state(), f.expiresAt(), f.ui());
                }
            }
        }

        static void print(CommandContext ctx, FlowView view, boolean showSecrets) {
            String type = view.type().name().toLowerCase(Locale.ROOT);
            ctx.out().line(type + " flow " + view.id());
            ctx.out().line("  state:   " + view.state().orElse("(none)"));
            view.expiresAt().ifPresent(e -> ctx.out().line("  expires: " + e));
            ctx.out().line("  submit:  " + view.ui().method() + " " + view.ui().action());
            ctx.out().line("  methods: " + String.join(", ", view.ui().groups()));
            ctx.out().line("  nodes:");
            UiRenderer.nodes(view.ui(), showSecrets).forEach(ctx.out()::line);
            List<String> messages = UiRenderer.messages(view.ui(), showSecrets);
            if (!messages.isEmpty()) {
                ctx.out().line("  messages:");
                messages.forEach(m -> ctx.out().line("    " + m));
            }
            ObjectNode json = ctx.data().put("type", type)
                    .put("id", view.id().value()).put("state", view.state().orElse(null))
                    .put("action", view.ui().action());
            view.expiresAt().ifPresent(e -> json.put("expires_at", e.toString()));
            ArrayNode methods = json.putArray("methods");
            view.ui().groups().forEach(methods::add);
            ArrayNode nodes = json.putArray("nodes");
            for (UiNode node : view.ui().nodes()) {
                ObjectNode n = nodes.addObject().put("group", node.group()).put("type", node.rawType())
                        .put("name", node.key()).put("label", UiRenderer.label(node));
                node.input().ifPresent(i -> n.put("input_type", i.type()).put("required", i.required()));
                node.input().filter(NodeAttributes.Input::isButton).flatMap(NodeAttributes.Input::valueAsString)
                        .ifPresent(v -> n.put("value", v));
            }
            json.set("messages", Describe.messagesJson(view.ui()));
        }
    }
}
