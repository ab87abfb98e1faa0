package io.kratosflows.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every help page, in-process: printed on standard output with the exit codes, exit 0, nothing on
 * the command's standard error. (picocli prints its format warnings to the process's own
 * {@code System.err}, so {@link JarIT} checks every page as a process too.)
 */
class HelpPagesTest {

    /** Every command and subcommand, as the words to type before {@code --help}. */
    static Stream<List<String>> commands() {
        Terminal terminal = Terminal.of(new ByteArrayInputStream(new byte[0]), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), Map.of());
        List<List<String>> all = new ArrayList<>();
        collect(KratosFlowsCli.newCommandLine(terminal), new ArrayList<>(), all);
        return all.stream();
    }

    private static void collect(CommandLine cmd, List<String> path, List<List<String>> all) {
        all.add(List.copyOf(path));
        cmd.getSubcommands().forEach((name, sub) -> {
            if (!name.equals(sub.getCommandName())) {
                return; // an alias: the same page
            }
            List<String> next = new ArrayList<>(path);
            next.add(name);
            collect(sub, next, all);
        });
    }

    @ParameterizedTest(name = "kratos-flows {0} --help")
    @MethodSource("commands")
    void helpPageExitsZeroWithUsageAndExitCodes(List<String> command) {
        List<String> args = new ArrayList<>(command);
        args.add("--help");
        CliRun run = CliRun.run(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("", run.err(), "no warning on stderr:\n" + run);
        assertTrue(run.out().contains("Usage: kratos-flows"), run.toString());
        assertTrue(run.out().contains("Exit codes:"), run.toString());
        assertTrue(!run.out().contains("%%") && !run.out().contains("%n"), "format escapes resolved:\n" + run.out());
    }
}
