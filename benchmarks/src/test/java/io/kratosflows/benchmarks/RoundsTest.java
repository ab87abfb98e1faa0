package io.kratosflows.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The whole calls run in rounds ({@link Run}) and are compared within each round ({@link Report}):
 * the forks' options keep everything but the selection and the result file, and a ratio is the
 * mean of the rounds' ratios.
 */
class RoundsTest {

    @Test
    void theForksKeepTheOptionsButTheSelectionAndTheResultFile() {
        List<String> args = List.of("-f", "1", "StubCallBenchmark", "-rf", "json", "-rff", "out.json", "-p", "body=WHOAMI",
                "-e", "KratosCallBenchmark", "DecodeBenchmark");

        List<String> kept = Run.withoutSelectionOrResult(args, List.of("StubCallBenchmark", "DecodeBenchmark"));

        assertEquals(List.of("-f", "1", "-p", "body=WHOAMI", "-e", "KratosCallBenchmark"), kept);
    }

    @Test
    void aValueThatLooksLikeAnIncludeStaysWithItsOption() {
        List<String> kept = Run.withoutSelectionOrResult(List.of("-e", "Decode", "Decode"), List.of("Decode"));

        assertEquals(List.of("-e", "Decode"), kept);
    }

    @Test
    void aRatioOverRoundsIsTheMeanOfEachRoundsRatio() {
        // The baseline drifts from 100 to 200 µs between rounds; the contender stays 10 % above it.
        List<Report.Result> contender = List.of(result(110), result(220), result(165));
        List<Report.Result> baseline = List.of(result(100), result(200), result(150));

        Report.Score ratio = Report.ratio(contender, baseline);

        assertEquals(1.10, ratio.value(), 1e-9);
        assertEquals(0.0, ratio.error(), 1e-9);
    }

    @Test
    void theIntervalOverRoundsIsStudentsT() {
        List<Report.Result> contender = List.of(result(100), result(104));
        List<Report.Result> baseline = List.of(result(100), result(100));

        Report.Score ratio = Report.ratio(contender, baseline);

        // mean 1.02, standard deviation 0.0283 of 2 rounds: 12.706 * 0.0283 / sqrt(2)
        assertEquals(1.02, ratio.value(), 1e-9);
        assertEquals(12.706 * Math.sqrt(0.0008) / Math.sqrt(2), ratio.error(), 1e-9);
    }

    @Test
    void oneRoundCombinesTheJmhIntervals() {
        Report.Score ratio = Report.ratio(List.of(new Report.Result(new Report.Score(110, 11), Optional.empty(), Map.of(), 1)),
                List.of(new Report.Result(new Report.Score(100, 10), Optional.empty(), Map.of(), 1)));

        assertEquals(1.1, ratio.value(), 1e-9);
        assertEquals(1.1 * Math.hypot(0.1, 0.1), ratio.error(), 1e-9);
    }

    private static Report.Result result(double micros) {
        return new Report.Result(new Report.Score(micros, 0), Optional.empty(), Map.of(), 1);
    }
}
