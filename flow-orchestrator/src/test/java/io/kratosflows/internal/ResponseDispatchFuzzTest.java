package io.kratosflows.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzzes every response dispatcher ({@link Dispatchers#all()}) with arbitrary bodies and headers
 * under every status a Kratos endpoint uses: only an outcome or a documented
 * {@code KratosException} may come out, and both must print.
 *
 * <p>Input: optional header lines ({@code Name: value}, newline-separated) before the first NUL
 * byte, then the body. Without a NUL the whole input is the body. Replaying a seed runs it under
 * every status through every dispatcher; while fuzzing, the input's hash picks one of each. Seeds: every recorded Kratos body
 * ({@code fixtures/v26.2.0/**}, put on the test class path as this test's inputs by the POM).
 *
 * <p>{@code mvn verify} replays the seeds (regression mode). A fuzzing run, with coverage guidance:
 * {@code JAZZER_FUZZ=1 mvn -B test -pl flow-orchestrator -am -o -Dtest=ResponseDispatchFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}
 * (see the README, "Reliability and security", for the figures of the last long run).
 */
class ResponseDispatchFuzzTest {

    private static final int[] STATUSES = {200, 204, 303, 400, 401, 403, 404, 410, 422, 429, 500, 503};
    private static final List<Dispatchers.Dispatcher> DISPATCHERS = Dispatchers.all();
    private static final boolean FUZZING = System.getenv("JAZZER_FUZZ") != null && !System.getenv("JAZZER_FUZZ").isEmpty();

    @FuzzTest(maxDuration = "2h", maxExecutions = 2_000_000L)
    void dispatchers(byte[] input) {
        int nul = indexOf(input, (byte) 0);
        String[] headers = nul < 0 ? new String[] {"Content-Type", "application/json; charset=utf-8"}
                : headers(new String(input, 0, nul, StandardCharsets.UTF_8));
        byte[] body = nul < 0 ? input : Arrays.copyOfRange(input, nul + 1, input.length);
        if (!FUZZING) {
            for (int status : STATUSES) { // replaying a seed: every status and dispatcher
                KratosResponse response = new KratosResponse(status, headers, body);
                String.valueOf(response);
                for (Dispatchers.Dispatcher dispatcher : DISPATCHERS) {
                    Dispatchers.run(dispatcher, response);
                }
            }
            return;
        }
        // Fuzzing: one status and one dispatcher per input, picked by its hash, so that each
        // execution is one parse and one dispatch (thousands a second instead of tens).
        int pick = Math.floorMod(Arrays.hashCode(input), STATUSES.length * DISPATCHERS.size());
        KratosResponse response = new KratosResponse(STATUSES[pick % STATUSES.length], headers, body);
        String.valueOf(response);
        Dispatchers.run(DISPATCHERS.get(pick / STATUSES.length), response);
    }

    private static String[] headers(String block) {
        List<String> flat = new ArrayList<>();
        for (String line : block.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                flat.add(line.substring(0, colon).trim());
                flat.add(line.substring(colon + 1).trim());
            }
        }
        return flat.toArray(String[]::new);
    }

    private static int indexOf(byte[] input, byte b) {
        for (int i = 0; i < input.length; i++) {
            if (input[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
