package io.kratosflows.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kratosflows.error.InvalidInputException;
import io.kratosflows.error.KratosErrorException;
import io.kratosflows.error.KratosTransportException;
import io.kratosflows.error.RateLimitedException;
import io.kratosflows.error.UnexpectedResponseException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code kratos-flows}: drives Ory Kratos native (API) self-service flows from a terminal or a
 * script — {@code demo} runs the whole journey against a Kratos it finds or starts; {@code register},
 * {@code login}, {@code settings}, {@code recover}, {@code verify}, {@code whoami}, {@code logout},
 * {@code token-exchange} and {@code flows show} each drive one flow against {@code --kratos-url}.
 *
 * <p>Interactive on a terminal (the flow's form becomes prompts, secrets are read hidden), scripted
 * with flags and standard input otherwise. Every failure is one line on standard error and a
 * documented {@link ExitCode}; with {@code --json} every command prints one {@link Output#envelope
 * envelope}; session tokens are printed only with {@code --print-token}.
 */
@Command(name = "kratos-flows", mixinStandardHelpOptions = true, versionProvider = KratosFlowsCli.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Drive Ory Kratos native self-service flows from a terminal or a script.",
            "Start with: kratos-flows demo"})
public final class KratosFlowsCli implements Callable<Integer> {

    /**
     * The commands, in help order, made when needed: picocli builds a command's model by
     * reflection, so a run builds only the command it runs (see {@link #needed}).
     */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    /** Global options that take a value (the next argument, unless written {@code --option=value}). */
    private static final Set<String> VALUE_OPTIONS = Set.of("--kratos-url", "--admin-url", "--timeout", "--profile");

    static final String DEFAULT_PUBLIC_URL = "http://127.0.0.1:4433";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    static final String ENV_PUBLIC_URL = "KRATOS_PUBLIC_URL";
    static final String ENV_ADMIN_URL = "KRATOS_ADMIN_URL";
    static final String ENV_SESSION_TOKEN = "KRATOS_SESSION_TOKEN";

    @Option(names = "--kratos-url", scope = ScopeType.INHERIT, paramLabel = "URL", order = 1,
            description = "Kratos public API URL (default: $KRATOS_PUBLIC_URL, else the profile's kratos-url, else "
                    + DEFAULT_PUBLIC_URL + ").")
    String kratosUrl;

    @Option(names = "--admin-url", scope = ScopeType.INHERIT, paramLabel = "URL", order = 2,
            description = "Kratos admin API URL (default: $KRATOS_ADMIN_URL, else the profile's admin-url);"
                    + " demo reads codes through it.")
    String adminUrl;

    @Option(names = "--timeout", scope = ScopeType.INHERIT, paramLabel = "DURATION", order = 3,
            converter = DurationConverter.class,
            description = "Connect and read timeout per request, e.g. 10s, 500ms (default: the profile's timeout, else 10s).")
    Duration timeout;

    @Option(names = "--profile", scope = ScopeType.INHERIT, paramLabel = "NAME", order = 4,
            description = "The profile of the configuration file to use (default: $KRATOS_FLOWS_PROFILE, else the"
                    + " file's profile key, else default).")
    String profile;

    @Option(names = "--json", scope = ScopeType.INHERIT, order = 5,
            description = "Print one JSON object with the result instead of text (the same shape for every command).")
    boolean json;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, order = 6,
            description = "Print only errors and what was asked for (--print-token, --json).")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, order = 7,
            description = "Show each HTTP request on stderr, and stack traces on errors.")
    boolean verbose;

    @Option(names = {"-i", "--interactive"}, negatable = true, scope = ScopeType.INHERIT, order = 8,
            description = "Prompt for missing input (default: on when run on a terminal without --json).")
    Boolean interactive;

    private final Terminal terminal;

    KratosFlowsCli(Terminal terminal) {
        this.terminal = terminal;
    }

    /** Runs the CLI on the process's streams and exits with the command's {@link ExitCode}. */
    public static void main(String[] args) {
        System.exit(run(Terminal.system(), args));
    }

    static int run(Terminal terminal, String... args) {
        return newCommandLine(terminal, needed(args)).execute(args);
    }

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("demo", DemoCommand::new);
        commands.put("register", RegisterCommand::new);
        commands.put("login", LoginCommand::new);
        commands.put("settings", SettingsCommand::new);
        commands.put("recover", RecoverCommand::new);
        commands.put("verify", VerifyCommand::new);
        commands.put("whoami", WhoamiCommand::new);
        commands.put("logout", LogoutCommand::new);
        commands.put("token-exchange", TokenExchangeCommand::new);
        commands.put("flows", FlowsCommand::new);
        commands.put("spec-diff", SpecDiffCommand::new);
        commands.put("completion", CompletionCommand::new);
        commands.put("help", CommandLine.HelpCommand::new);
        return java.util.Collections.unmodifiableMap(commands);
    }

    /**
     * The commands {@code args} need built: the one they run, when it needs no other (the first
     * argument that is not a global option or its value); none for a bare {@code --version}; every
     * one otherwise — no command ({@code --help} lists them), an unknown word (its error names
     * them), {@code help} and {@code completion} (they read them all).
     */
    static Set<String> needed(String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                break;
            }
            if (arg.startsWith("-")) {
                if (VALUE_OPTIONS.contains(arg)) {
                    i++;
                }
                continue;
            }
            return COMMANDS.containsKey(arg) && !arg.equals("help") && !arg.equals("completion")
                    ? Set.of(arg) : COMMANDS.keySet();
        }
        List<String> all = List.of(args);
        boolean version = all.contains("--version") || all.contains("-V");
        return version && !all.contains("--help") && !all.contains("-h") ? Set.of() : COMMANDS.keySet();
    }

    /** The configured picocli command line with every command: one-line errors, documented exit codes. */
    static CommandLine newCommandLine(Terminal terminal) {
        return newCommandLine(terminal, COMMANDS.keySet());
    }

    /** The configured picocli command line with the commands named in {@code commands}. */
    static CommandLine newCommandLine(Terminal terminal, Set<String> commands) {
        KratosFlowsCli root = new KratosFlowsCli(terminal);
        CommandLine cmd = new CommandLine(root);
        COMMANDS.forEach((name, command) -> {
            if (commands.contains(name)) {
                cmd.addSubcommand(name, command.get());
            }
        });
        cmd.setOut(terminal.out());
        cmd.setErr(terminal.err());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        String footer = String.format("%nExit codes:%n" + ExitCode.helpTable()
                + "%n%nEnvironment: KRATOS_PUBLIC_URL, KRATOS_ADMIN_URL, KRATOS_SESSION_TOKEN (instead of"
                + " --token-file),%n  KRATOS_FLOWS_PROFILE, KRATOS_FLOWS_CONFIG (the configuration file with profiles),"
                + "%n  KRATOS_BIN (demo: the Kratos binary to start; else kratos on PATH).");
        applyFooter(cmd, footer);
        cmd.setParameterExceptionHandler((ex, args) -> root.usageError(ex, List.of(args)));
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) ->
                root.report(ex, commandName(commandLine.getCommandSpec()), Output.object(), Optional.empty()));
        cmd.setExitCodeExceptionMapper(ex -> map(ex).exitCode().code());
        return cmd;
    }

    /** "unknown command 'x'" / "unknown option '--x'" rather than picocli's index wording. */
    static String describe(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().get(0);
            boolean command = !first.startsWith("-") && ex.getCommandLine().getSubcommands().size() > 1;
            return (first.startsWith("-") ? "unknown option '" : command ? "unknown command '" : "unexpected argument '")
                    + first + "'";
        }
        return oneLine(ex.getMessage());
    }

    private static void applyFooter(CommandLine cmd, String footer) {
        cmd.getCommandSpec().usageMessage().footer(footer);
        cmd.getSubcommands().values().forEach(sub -> applyFooter(sub, footer));
    }

    /** A command's name in {@code --json}: {@code login}, {@code flows show}; the root's own name for the root. */
    static String commandName(CommandSpec spec) {
        String qualified = spec.qualifiedName(" ");
        int space = qualified.indexOf(' ');
        return space < 0 ? qualified : qualified.substring(space + 1);
    }

    @Override
    public Integer call() {
        return report(CliException.invalidInput("missing command; start with 'kratos-flows demo' (see 'kratos-flows --help')"),
                "kratos-flows", Output.object(), Optional.empty());
    }

    /**
     * Runs one command: a fresh context from the global options, then {@code body}; prints the
     * {@code --json} envelope, and reports a failure as one line on standard error.
     */
    int execute(CommandSpec spec, Function<CommandContext, ExitCode> body) {
        String command = commandName(spec);
        CommandContext ctx = null;
        ExitCode result;
        try {
            ctx = context(command, matchedOptions(spec));
            result = body.apply(ctx);
        } catch (RuntimeException e) {
            close(ctx);
            if (ctx == null) {
                return report(e, command, Output.object(), Optional.empty());
            }
            return report(ProtocolProbe.explain(e, ctx.connectedUrl()), command, ctx.data(), ctx.outcome());
        }
        close(ctx);
        Output output = new Output(terminal, json, quiet, verbose);
        output.result(Output.envelope(command, ctx.outcome(), result.code(), ctx.data(), result == ExitCode.OK
                ? Optional.empty() : Optional.of(Output.error(result.kind(), result.meaning()))));
        return result.code();
    }

    private static void close(CommandContext ctx) {
        if (ctx != null) {
            ctx.close();
        }
    }

    private static Set<String> matchedOptions(CommandSpec spec) {
        CommandLine.ParseResult parsed = spec.commandLine() == null ? null : spec.commandLine().getParseResult();
        return parsed == null ? Set.of() : parsed.matchedOptions().stream().map(OptionSpec::longestName)
                .collect(Collectors.toSet());
    }

    /**
     * A fresh context for one command run: the parsed global options over the environment over
     * the profile over the defaults.
     */
    CommandContext context(String command, Set<String> matchedOptions) {
        boolean prompts = interactive != null ? interactive : terminal.hasConsole() && !json;
        Output output = new Output(terminal, json, quiet, verbose);
        CliConfig.Profile config = CliConfig.load(terminal, Optional.ofNullable(profile));
        CommandContext.Setting publicUrl = setting(kratosUrl, "--kratos-url", ENV_PUBLIC_URL, config, CliConfig.KRATOS_URL)
                .orElse(new CommandContext.Setting(DEFAULT_PUBLIC_URL, "the default Kratos URL"));
        Optional<CommandContext.Setting> admin = setting(adminUrl, "--admin-url", ENV_ADMIN_URL, config, CliConfig.ADMIN_URL);
        Duration resolvedTimeout = timeout != null ? timeout : config.get(CliConfig.TIMEOUT).map(t -> {
            try {
                return new DurationConverter().convert(t);
            } catch (CommandLine.TypeConversionException e) {
                throw CliException.invalidInput(config.where(CliConfig.TIMEOUT) + ": " + e.getMessage());
            }
        }).orElse(DEFAULT_TIMEOUT);
        Optional<java.nio.file.Path> tokenFile = config.get(CliConfig.TOKEN_FILE).map(java.nio.file.Path::of)
                .or(() -> CliConfig.defaultTokenFile(terminal, config.name()));
        return new CommandContext(terminal, output, prompts, command, publicUrl, admin, resolvedTimeout, tokenFile,
                StdinSecrets.of(terminal, matchedOptions));
    }

    /** The option, else the variable, else the profile's key. */
    private Optional<CommandContext.Setting> setting(String option, String optionName, String variable,
            CliConfig.Profile config, String key) {
        if (option != null) {
            return Optional.of(new CommandContext.Setting(option, optionName));
        }
        return terminal.env(variable).map(v -> new CommandContext.Setting(v, "$" + variable))
                .or(() -> config.get(key).map(v -> new CommandContext.Setting(v, config.where(key))));
    }

    Terminal terminal() {
        return terminal;
    }

    boolean json() {
        return json;
    }

    boolean quiet() {
        return quiet;
    }

    /** A usage error: one line naming the help to read; the envelope too with --json. */
    private int usageError(CommandLine.ParameterException ex, List<String> args) {
        String hint = ex.getCommandLine().getCommandSpec().qualifiedName();
        String message = describe(ex) + " (see '" + hint + " --help')";
        terminal.err().println("kratos-flows: " + message);
        terminal.err().flush();
        if (json || args.contains("--json")) {
            new Output(terminal, true, quiet, verbose).result(Output.envelope(commandName(ex.getCommandLine()
                    .getCommandSpec()), Optional.empty(), ExitCode.INVALID_INPUT.code(), Output.object(),
                    Optional.of(Output.error(ExitCode.INVALID_INPUT.kind(), message))));
        }
        return ExitCode.INVALID_INPUT.code();
    }

    /** One line on standard error (the stack trace with --verbose), the envelope with --json; returns the exit code. */
    int report(Throwable ex, String command, ObjectNode data, Optional<String> outcome) {
        CliException failure = map(ex);
        String message = oneLine(failure.getMessage());
        terminal.err().println("kratos-flows: " + message);
        if (verbose) {
            ex.printStackTrace(terminal.err());
        }
        terminal.err().flush();
        new Output(terminal, json, quiet, verbose).result(Output.envelope(command, outcome, failure.exitCode().code(),
                data, Optional.of(Output.error(failure.exitCode().kind(), message))));
        return failure.exitCode().code();
    }

    /** The exit code and one-line message for anything a command threw. */
    static CliException map(Throwable ex) {
        if (ex instanceof CliException cli) {
            return cli;
        }
        if (ex instanceof KratosTransportException transport) {
            return new CliException(ExitCode.KRATOS_UNREACHABLE, transport.getMessage(), transport);
        }
        if (ex instanceof RateLimitedException limited) {
            return new CliException(ExitCode.KRATOS_UNREACHABLE, limited.getMessage()
                    + limited.retryAfter().map(d -> " (retry after " + d.toSeconds() + " s)").orElse(""), limited);
        }
        if (ex instanceof UnexpectedResponseException unexpected) {
            return new CliException(ExitCode.UNEXPECTED_RESPONSE, "unexpected response from Kratos: "
                    + unexpected.getMessage(), unexpected);
        }
        if (ex instanceof KratosErrorException error) {
            return new CliException(ErrorCodes.exitFor(error.error()), error.getMessage(), error);
        }
        if (ex instanceof InvalidInputException invalid) {
            return new CliException(ExitCode.INVALID_INPUT, invalid.getMessage(), invalid);
        }
        if (ex instanceof CommandLine.ParameterException parameter) {
            return new CliException(ExitCode.INVALID_INPUT, parameter.getMessage(), parameter);
        }
        return new CliException(ExitCode.INTERNAL_ERROR, "internal error: " + ex.getClass().getSimpleName()
                + (ex.getMessage() == null ? "" : ": " + ex.getMessage()) + " (rerun with --verbose)", ex);
    }

    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** The version shown by {@code --version}: the jar's, or "development". */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = KratosFlowsCli.class.getPackage().getImplementationVersion();
            return new String[] {"kratos-flows " + (v == null ? "0.1.0-SNAPSHOT" : v)};
        }
    }
}
