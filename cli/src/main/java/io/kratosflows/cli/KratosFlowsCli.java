package io.kratosflows.cli;

import io.kratosflows.error.InvalidInputException;
import io.kratosflows.error.KratosErrorException;
import io.kratosflows.error.KratosTransportException;
import io.kratosflows.error.UnexpectedResponseException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
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
 * documented {@link ExitCode}; session tokens are printed only with {@code --print-token}.
 */
@Command(name = "kratos-flows", mixinStandardHelpOptions = true, versionProvider = KratosFlowsCli.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Drive Ory Kratos native self-service flows from a terminal or a script.",
            "Start with: kratos-flows demo"},
        subcommands = {DemoCommand.class, RegisterCommand.class, LoginCommand.class, SettingsCommand.class,
            RecoverCommand.class, VerifyCommand.class, WhoamiCommand.class, LogoutCommand.class,
            TokenExchangeCommand.class, FlowsCommand.class, SpecDiffCommand.class, CommandLine.HelpCommand.class})
public final class KratosFlowsCli implements Callable<Integer> {

    static final String DEFAULT_PUBLIC_URL = "http://127.0.0.1:4433";
    static final String ENV_PUBLIC_URL = "KRATOS_PUBLIC_URL";
    static final String ENV_ADMIN_URL = "KRATOS_ADMIN_URL";
    static final String ENV_SESSION_TOKEN = "KRATOS_SESSION_TOKEN";

    @Option(names = "--kratos-url", scope = ScopeType.INHERIT, paramLabel = "URL", order = 1,
            description = "Kratos public API URL (default: $KRATOS_PUBLIC_URL, else " + DEFAULT_PUBLIC_URL + ").")
    String kratosUrl;

    @Option(names = "--admin-url", scope = ScopeType.INHERIT, paramLabel = "URL", order = 2,
            description = "Kratos admin API URL (default: $KRATOS_ADMIN_URL); demo reads codes through it.")
    String adminUrl;

    @Option(names = "--timeout", scope = ScopeType.INHERIT, paramLabel = "DURATION", order = 3,
            converter = DurationConverter.class, defaultValue = "10s",
            description = "Connect and read timeout per request, e.g. 10s, 500ms (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--json", scope = ScopeType.INHERIT, order = 4,
            description = "Print one JSON object with the result instead of text.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, order = 5,
            description = "Print only errors and what was asked for (--print-token, --json).")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, order = 6,
            description = "Show each HTTP request on stderr, and stack traces on errors.")
    boolean verbose;

    @Option(names = {"-i", "--interactive"}, negatable = true, scope = ScopeType.INHERIT, order = 7,
            description = "Prompt for missing input (default: on when run on a terminal without --json).")
    Boolean interactive;

    /** Hibernate Validator announces itself on java.util.logging; a CLI's stderr is for the user. Held: JUL keeps loggers weakly. */
    private static final java.util.logging.Logger HIBERNATE_LOG = quiet("org.hibernate.validator");

    private final Terminal terminal;

    KratosFlowsCli(Terminal terminal) {
        this.terminal = terminal;
    }

    /** Runs the CLI on the process's streams and exits with the command's {@link ExitCode}. */
    public static void main(String[] args) {
        System.exit(run(Terminal.system(), args));
    }

    static int run(Terminal terminal, String... args) {
        return newCommandLine(terminal).execute(args);
    }

    /** The configured picocli command line: one-line errors, documented exit codes. */
    static CommandLine newCommandLine(Terminal terminal) {
        KratosFlowsCli root = new KratosFlowsCli(terminal);
        CommandLine cmd = new CommandLine(root);
        cmd.setOut(terminal.out());
        cmd.setErr(terminal.err());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        String footer = String.format("%nExit codes:%n" + ExitCode.helpTable()
                + "%n%nEnvironment: KRATOS_PUBLIC_URL, KRATOS_ADMIN_URL, KRATOS_SESSION_TOKEN (instead of"
                + " --token-file),%n  KRATOS_BIN (demo: the Kratos binary to start; else kratos on PATH).");
        applyFooter(cmd, footer);
        cmd.setParameterExceptionHandler((ex, args) -> {
            String hint = ex.getCommandLine().getCommandSpec().qualifiedName();
            terminal.err().println("kratos-flows: " + describe(ex) + " (see '" + hint + " --help')");
            terminal.err().flush();
            return ExitCode.INVALID_INPUT.code();
        });
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> root.report(ex));
        cmd.setExitCodeExceptionMapper(ex -> map(ex).exitCode().code());
        return cmd;
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
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

    @Override
    public Integer call() {
        terminal.err().println("kratos-flows: missing command; start with 'kratos-flows demo' (see 'kratos-flows --help')");
        terminal.err().flush();
        return ExitCode.INVALID_INPUT.code();
    }

    /** A fresh context for one command run with the parsed global options. */
    CommandContext context() {
        boolean prompts = interactive != null ? interactive : terminal.hasConsole() && !json;
        Output output = new Output(terminal, json, quiet, verbose);
        return new CommandContext(terminal, output, prompts, kratosUrl, adminUrl, timeout);
    }

    Terminal terminal() {
        return terminal;
    }

    private int report(Exception ex) {
        CliException failure = map(ex);
        terminal.err().println("kratos-flows: " + oneLine(failure.getMessage()));
        if (verbose) {
            ex.printStackTrace(terminal.err());
        }
        terminal.err().flush();
        if (json) {
            Output output = new Output(terminal, true, quiet, verbose);
            output.result(Output.object().put("ok", false).put("exit_code", failure.exitCode().code())
                    .put("error", oneLine(failure.getMessage())));
        }
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
