package io.kratosflows.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Turns JMH's JSON ({@code -rf json}) into Markdown tables of ratios with error bars:
 * {@code java -cp benchmarks/target/benchmarks.jar io.kratosflows.benchmarks.Report benchmarks/target/jmh-result.json}.
 * A decode ratio's error combines the two scores' 99.9 % intervals (relative errors added in
 * quadrature). A whole-call ratio is the mean of the ratios of the contenders that ran in the same
 * round ({@link Run}), with its 95 % interval over the rounds (of one round: as for decoding). The
 * whole-call tables add the errors and connections each trial recorded ({@link CallChecks#FILE}).
 */
public final class Report {

    /** Student's t at 97.5 % for 0 to 10 degrees of freedom (then the normal 1.96). */
    private static final double[] T95 = {Double.NaN, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 1.96};

    private Report() {
    }

    /** A score and its error. */
    record Score(double value, double error) {
        Score over(Score other) {
            double r = value / other.value;
            double rel = Math.hypot(error / value, other.error / other.value);
            return new Score(r, Double.isNaN(rel) ? 0 : r * rel);
        }

        String ratio() {
            return String.format(Locale.ROOT, "%.2f ± %.2f", value, error);
        }

        String us() {
            return String.format(Locale.ROOT, value >= 100 ? "%.0f ± %.0f" : "%.2f ± %.2f", value, error);
        }
    }

    /** One benchmark's result. */
    record Result(Score score, Optional<Score> allocation, Map<String, Double> percentiles, int threads) {
    }

    /**
     * Prints the tables.
     *
     * @param args the JMH JSON file, optionally the calls file
     * @throws IOException when a file cannot be read
     */
    public static void main(String[] args) throws IOException {
        Path json = Path.of(args.length > 0 ? args[0] : "benchmarks/target/jmh-result.json");
        Path calls = args.length > 1 ? Path.of(args[1]) : json.resolveSibling(CallChecks.FILE.getFileName());
        Map<String, List<Result>> results = read(json);
        Map<String, String[]> recorded = Files.exists(calls) ? readCalls(calls) : Map.of();
        System.out.print(decodeTable(results));
        System.out.print(callTable(results, recorded, "StubCallBenchmark", List.of("Threads1", "Threads16", "Threads200"),
                List.of("Submit", "Whoami")));
        System.out.print(callTable(results, recorded, "KratosCallBenchmark", List.of(""), List.of("Login", "Whoami")));
    }

    /** {@return each benchmark's results in the file's order: one per round for the whole calls ({@link Run})} */
    static Map<String, List<Result>> read(Path file) throws IOException {
        Map<String, List<Result>> results = new LinkedHashMap<>();
        for (JsonNode b : JacksonBaseline.MAPPER.readTree(file.toFile())) {
            String name = b.path("benchmark").asText().replace("io.kratosflows.benchmarks.", "");
            String body = b.path("params").path("body").asText("");
            JsonNode primary = b.path("primaryMetric");
            Score score = new Score(primary.path("score").asDouble(), primary.path("scoreError").asDouble(0));
            JsonNode alloc = b.path("secondaryMetrics").path("gc.alloc.rate.norm");
            Optional<Score> allocation = alloc.isMissingNode() ? Optional.empty()
                    : Optional.of(new Score(alloc.path("score").asDouble(), alloc.path("scoreError").asDouble(0)));
            Map<String, Double> percentiles = new LinkedHashMap<>();
            primary.path("scorePercentiles").properties().forEach(e -> percentiles.put(e.getKey(), e.getValue().asDouble()));
            results.computeIfAbsent(body.isEmpty() ? name : name + "/" + body, k -> new ArrayList<>())
                    .add(new Result(score, allocation, percentiles, b.path("threads").asInt()));
        }
        return results;
    }

    private static Map<String, String[]> readCalls(Path file) throws IOException {
        Map<String, String[]> calls = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.split("\t");
            calls.put(f[0].replace("io.kratosflows.benchmarks.", ""), f);
        }
        return calls;
    }

    static String decodeTable(Map<String, List<Result>> all) {
        Map<String, Result> results = new LinkedHashMap<>();
        all.forEach((name, runs) -> results.put(name, runs.get(0)));
        StringBuilder out = new StringBuilder("\n| body | kratos-flows µs/op | Jackson µs/op | SDK µs/op | kratos-flows / Jackson | SDK / kratos-flows"
                + " | B/op kratos-flows · Jackson · SDK |\n|---|---|---|---|---|---|---|\n");
        for (Body body : Body.values()) {
            Result lib = results.get("DecodeBenchmark.library/" + body);
            Result jackson = results.get("DecodeBenchmark.jackson/" + body);
            Result sdk = results.get("DecodeBenchmark.sdk/" + body);
            if (lib == null || jackson == null || sdk == null) {
                continue;
            }
            out.append("| ").append(body).append(" | ").append(lib.score.us()).append(" | ").append(jackson.score.us())
                    .append(" | ").append(sdk.score.us()).append(" | ").append(lib.score.over(jackson.score).ratio())
                    .append(" | ").append(sdk.score.over(lib.score).ratio()).append(" | ")
                    .append(bytes(lib)).append(" · ").append(bytes(jackson)).append(" · ").append(bytes(sdk)).append(" |\n");
        }
        return out.toString();
    }

    private static String bytes(Result r) {
        return r.allocation.map(a -> String.format(Locale.ROOT, "%.0f", a.value)).orElse("–");
    }

    static String callTable(Map<String, List<Result>> results, Map<String, String[]> calls, String benchmark, List<String> variants,
                            List<String> operations) {
        StringBuilder out = new StringBuilder("\n| " + benchmark + " | threads | contender | rounds | mean µs | p50 µs | p99 µs | ops/s"
                + " | / raw | errors | connections (max open) |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (String variant : variants) {
            for (String op : operations) {
                String prefix = benchmark + (variant.isEmpty() ? "" : "." + variant) + ".";
                List<Result> raw = results.get(prefix + "raw" + op);
                for (String contender : List.of("library", "raw", "sdk")) {
                    List<Result> runs = results.get(prefix + contender + op);
                    if (runs == null) {
                        continue;
                    }
                    double mean = average(runs, r -> r.score.value);
                    String[] call = calls.get(prefix + contender + op);
                    out.append("| ").append(op).append(" | ").append(runs.get(0).threads).append(" | ")
                            .append(contender.equals("library") ? "kratos-flows" : contender).append(" | ")
                            .append(runs.size()).append(" | ")
                            .append(runs.size() == 1 ? runs.get(0).score.us() : String.format(Locale.ROOT, "%.0f", mean)).append(" | ")
                            .append(String.format(Locale.ROOT, "%.0f | %.0f | %.0f",
                                    average(runs, r -> r.percentiles.getOrDefault("50.0", Double.NaN)),
                                    average(runs, r -> r.percentiles.getOrDefault("99.0", Double.NaN)),
                                    runs.get(0).threads * 1e6 / mean))
                            .append(" | ").append(raw == null ? "–" : ratio(runs, raw).ratio())
                            .append(" | ").append(call == null ? "–" : call[2])
                            .append(" | ").append(call == null || call[3].equals("-1") ? "–" : call[3] + " (" + call[4] + ")")
                            .append(" |\n");
                }
            }
        }
        return out.toString();
    }

    /**
     * {@return the ratio of two contenders' scores: of one run each, with the JMH intervals combined;
     * of several rounds, the mean of the rounds' ratios with its 95 % Student's t interval}
     */
    static Score ratio(List<Result> contender, List<Result> baseline) {
        int n = Math.min(contender.size(), baseline.size());
        if (n == 1) {
            return contender.get(0).score.over(baseline.get(0).score);
        }
        double[] ratios = new double[n];
        for (int i = 0; i < n; i++) {
            ratios[i] = contender.get(i).score.value / baseline.get(i).score.value;
        }
        double mean = Arrays.stream(ratios).average().orElseThrow();
        double variance = Arrays.stream(ratios).map(r -> (r - mean) * (r - mean)).sum() / (n - 1);
        return new Score(mean, T95[Math.min(n - 1, T95.length - 1)] * Math.sqrt(variance / n));
    }

    private static double average(List<Result> runs, ToDoubleFunction<Result> value) {
        return runs.stream().mapToDouble(value).average().orElse(Double.NaN);
    }
}
