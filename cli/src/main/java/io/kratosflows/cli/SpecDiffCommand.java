package io.kratosflows.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kratosflows.specdiff.Classification;
import io.kratosflows.specdiff.KratosSpec;
import io.kratosflows.specdiff.SpecDiff;
import io.kratosflows.specdiff.SpecReadException;
import io.kratosflows.specdiff.UpgradeReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kratos-flows spec-diff OLD NEW}: the Kratos upgrade report. Compares two Kratos OpenAPI
 * specs (JSON or YAML) and classifies every change against what kratos-flows uses (see
 * {@link SpecDiff}). Needs no Kratos.
 *
 * <p>Exit status, like {@code diff}: 0 when nothing breaks kratos-flows, 1 when something does, 2
 * for a usage error or a spec that cannot be read. With {@code --json} the report (the
 * {@code kratos-flows-spec-diff/1} document) is the envelope's {@code data}; with {@code --output}
 * the file holds the report itself and {@code data} says where and how many.
 */
@Command(name = "spec-diff", mixinStandardHelpOptions = true, versionProvider = KratosFlowsCli.Version.class, sortOptions = false,
        description = {"Compare two Kratos OpenAPI specs: what breaks kratos-flows, needs attention, is additive.",
            "Example: kratos-flows spec-diff kratos-v25.4.0.json kratos-v26.2.0.json --output upgrade.md",
            "Prints Markdown (JSON with --json). Exit status: 0 nothing breaks kratos-flows,"
                + " 1 something does, 2 usage error or unreadable spec."})
final class SpecDiffCommand implements Callable<Integer> {

    /** The exit status when a change breaks kratos-flows (as {@code diff} says "different"). */
    static final int BREAKS = 1;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "The spec of the Kratos you run (e.g. its spec/api.json).")
    Path oldSpec;

    @Parameters(index = "1", paramLabel = "NEW", description = "The spec of the Kratos you upgrade to.")
    Path newSpec;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Override
    public Integer call() {
        KratosFlowsCli root = (KratosFlowsCli) spec.root().userObject();
        String command = KratosFlowsCli.commandName(spec);
        UpgradeReport report;
        try {
            report = SpecDiff.compare(KratosSpec.read(oldSpec), KratosSpec.read(newSpec));
        } catch (SpecReadException e) {
            return root.report(CliException.invalidInput(e.getMessage()), command, Output.object(), Optional.empty());
        }
        String text = root.json() ? report.toJson() : report.toMarkdown();
        ObjectNode data = Output.object();
        if (output == null) {
            if (root.json()) {
                data = readJson(report.toJson());
            } else {
                root.terminal().out().print(text);
                root.terminal().out().flush();
            }
        } else {
            try {
                Files.writeString(output, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return root.report(CliException.invalidInput("cannot write " + output + ": " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + e.getMessage())), command, Output.object(), Optional.empty());
            }
            String counts = report.counts().entrySet().stream()
                    .map(c -> c.getKey().label() + ": " + c.getValue()).collect(Collectors.joining(", "));
            if (!root.quiet()) {
                root.terminal().err().println("kratos-flows: wrote " + output + " (" + counts + ")");
                root.terminal().err().flush();
            }
            data.put("output", output.toString());
            ObjectNode byClass = data.putObject("counts");
            report.counts().forEach((c, n) -> byClass.put(c.name().toLowerCase(Locale.ROOT), n));
        }
        int breaks = report.count(Classification.BREAKS);
        int exit = breaks > 0 ? BREAKS : ExitCode.OK.code();
        new Output(root.terminal(), root.json(), root.quiet(), false).result(Output.envelope(command, Optional.empty(), exit,
                data, breaks == 0 ? Optional.empty() : Optional.of(Output.error("breaks_kratos_flows",
                        breaks + (breaks == 1 ? " change breaks" : " changes break") + " kratos-flows"))));
        return exit;
    }

    private static ObjectNode readJson(String json) {
        try {
            return (ObjectNode) new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("the report's own JSON cannot be read back", e);
        }
    }
}
