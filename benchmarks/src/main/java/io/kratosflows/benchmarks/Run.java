package io.kratosflows.benchmarks;

import io.kratosflows.testkit.LocalKratos;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The benchmark jar's entry point: JMH's own command line ({@code java -jar benchmarks.jar -h}),
 * plus {@code --rounds N} (default {@value #DEFAULT_ROUNDS}).
 *
 * <p>The decode benchmarks run once, as JMH runs them. The whole-call benchmarks run in rounds: each
 * round runs every contender of a call once (one fork each), one after the other, in an order that
 * rotates from round to round. A machine's load drifts over minutes, and JMH alone runs all of one
 * benchmark before the next, so a contender run later can look slower only for being later;
 * {@link Report} compares the contenders of each round and summarizes those paired ratios. One
 * round keeps the whole run under 10 minutes on 2 cores; {@code --rounds 3} triples the whole calls.
 *
 * <p>Without a Kratos binary ({@code KRATOS_BIN}, or {@code kratos} on {@code PATH}) the real-Kratos
 * benchmarks are left out, with one line saying so; and the record of errors and connections of
 * the previous run ({@link CallChecks#FILE}) is removed.
 */
public final class Run {

    static final int DEFAULT_ROUNDS = 1;
    private static final Pattern CONTENDER = Pattern.compile("^(.*\\.)(library|raw|sdk)([A-Z]\\w*)$");

    private Run() {
    }

    /**
     * Runs JMH.
     *
     * @param args JMH's arguments, and {@code --rounds N}
     * @throws Exception whatever JMH throws
     */
    public static void main(String[] args) throws Exception {
        List<String> jmh = new ArrayList<>();
        int rounds = DEFAULT_ROUNDS;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--rounds") && i + 1 < args.length) {
                rounds = Integer.parseInt(args[++i]);
                if (rounds < 1) {
                    throw new IllegalArgumentException("--rounds must be at least 1, not " + rounds);
                }
            } else {
                jmh.add(args[i]);
            }
        }
        if (LocalKratos.find(System.getenv()).isEmpty()) {
            System.out.println("SKIPPED (no Kratos): KratosCallBenchmark needs KRATOS_BIN or kratos on PATH");
            jmh.add("-e");
            jmh.add(KratosCallBenchmark.class.getSimpleName());
        }
        CommandLineOptions cli;
        try {
            cli = new CommandLineOptions(jmh.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            System.err.println("Error parsing command line: " + e.getMessage());
            System.exit(1);
            return;
        }
        if (cli.shouldHelp() || cli.shouldList() || cli.shouldListWithParams() || cli.shouldListProfilers()
                || cli.shouldListResultFormats()) {
            org.openjdk.jmh.Main.main(jmh.toArray(String[]::new));
            return;
        }
        Files.deleteIfExists(CallChecks.FILE);
        CommandLineOptions parent = new CommandLineOptions(withoutSelectionOrResult(jmh, cli.getIncludes()).toArray(String[]::new));
        List<RunResult> results = run(cli, parent, rounds);
        ResultFormatType format = cli.getResultFormat().orElse(null);
        if (format != null) {
            String file = cli.getResult().orElse("jmh-result." + format.toString().toLowerCase(Locale.ROOT));
            ResultFormatFactory.getInstance(format, file).writeOut(results);
            System.out.println("results of " + results.size() + " trials: " + file);
        }
    }

    private static List<RunResult> run(CommandLineOptions cli, CommandLineOptions parent, int rounds) throws Exception {
        List<String> includes = cli.getIncludes().isEmpty() ? List.of(".*") : cli.getIncludes();
        List<String> selected = new ArrayList<>();
        for (BenchmarkListEntry entry : BenchmarkList.defaultList().find(
                OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), includes, cli.getExcludes())) {
            if (!selected.contains(entry.getUsername())) {
                selected.add(entry.getUsername());
            }
        }
        List<String> once = new ArrayList<>();
        Map<String, List<String>> calls = new LinkedHashMap<>(); // a call -> its contenders' benchmarks
        for (String name : selected) {
            var m = CONTENDER.matcher(name);
            if (name.contains("CallBenchmark") && m.matches()) {
                calls.computeIfAbsent(m.group(1) + m.group(3), k -> new ArrayList<>()).add(name);
            } else {
                once.add(name);
            }
        }
        List<RunResult> results = new ArrayList<>();
        if (!once.isEmpty()) {
            results.addAll(new Runner(options(parent, once, false)).run());
        }
        for (int round = 0; round < rounds; round++) {
            for (List<String> contenders : calls.values()) {
                for (int i = 0; i < contenders.size(); i++) {
                    String name = contenders.get((i + round) % contenders.size());
                    results.addAll(new Runner(options(parent, List.of(name), true)).run());
                }
            }
        }
        return results;
    }

    /** The command line's options for these benchmarks only, writing no result file of their own. */
    private static Options options(CommandLineOptions parent, List<String> names, boolean oneFork) {
        OptionsBuilder builder = new OptionsBuilder();
        builder.parent(parent);
        for (String name : names) {
            builder.include("^" + Pattern.quote(name) + "$");
        }
        if (oneFork) {
            builder.forks(1);
        }
        return builder.build();
    }

    /**
     * {@return the arguments without the benchmark selection and the result file}: each run's own
     * includes would add to its parent's, and the result file is written once, of all runs.
     */
    static List<String> withoutSelectionOrResult(List<String> args, List<String> includes) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-rf") || arg.equals("-rff")) {
                i++;
            } else if (!arg.startsWith("-") && includes.contains(arg) && (i == 0 || !args.get(i - 1).startsWith("-"))) {
                continue;
            } else {
                kept.add(arg);
            }
        }
        return kept;
    }
}
