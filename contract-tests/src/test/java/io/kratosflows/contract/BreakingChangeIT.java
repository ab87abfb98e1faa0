package io.kratosflows.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.kratosflows.testkit.KratosServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Proves the pact catches a breaking provider: a proxy in front of the real Kratos renames
 * {@code session_token} in every response (as a Kratos release that renamed it would), and the
 * provider verification of the login interactions must then fail on exactly the interaction that
 * relies on it, with Pact's body mismatch, while the untouched interactions still pass.
 */
class BreakingChangeIT {

    private static final Pattern SESSION_TOKEN_KEY = Pattern.compile("\"session_token\"(\\s*:)");
    private static final Pattern TOKEN = Pattern.compile("ory_st_\\w+");

    @RegisterExtension
    static final KratosServer KRATOS = KratosServer.defaults();

    @AfterEach
    void reset() {
        System.clearProperty(TamperedKratosVerification.TARGET);
        TamperedKratosVerification.kratos = null;
    }

    @Test
    void renamingSessionTokenFailsVerificationWithTheMismatch() throws Exception {
        try (TamperingProxy proxy = TamperingProxy.start(KRATOS.publicUrl(),
                body -> SESSION_TOKEN_KEY.matcher(body).replaceAll("\"sessionToken\"$1"))) {
            TamperedKratosVerification.kratos = KRATOS;
            System.setProperty(TamperedKratosVerification.TARGET, proxy.url().toString());

            // Pact's console report holds the real (throw-away) session tokens: capture it, print it masked.
            PrintStream console = System.out;
            ByteArrayOutputStream report = new ByteArrayOutputStream();
            EngineExecutionResults results;
            System.setOut(new PrintStream(report, true, StandardCharsets.UTF_8));
            try {
                results = EngineTestKit.engine("junit-jupiter")
                        .selectors(selectClass(TamperedKratosVerification.class))
                        .execute();
            } finally {
                System.setOut(console);
            }

            List<Event> failed = results.testEvents().failed().list();
            long passed = results.testEvents().succeeded().count();
            assertEquals(1, failed.size(), "exactly the interaction that reads session_token must fail");
            assertTrue(passed >= 3, "the other login interactions must still verify, got " + passed);

            String mismatch = failed.get(0).getPayload(TestExecutionResult.class)
                    .flatMap(TestExecutionResult::getThrowable).map(Throwable::getMessage).orElse("");
            System.out.println("Pact verification against the tampered Kratos failed as it must:\n"
                    + TOKEN.matcher(mismatch).replaceAll("ory_st_***"));
            assertTrue(mismatch.contains("submit the right password to a login flow"), "the failing interaction is named");
            assertTrue(mismatch.contains("has a matching body"), "the failure is a body mismatch");
            assertTrue(mismatch.contains("missing the following keys: session_token"), "the mismatch names the renamed field");
            assertTrue(mismatch.contains("+  \"sessionToken\""), "the diff shows what Kratos sent instead");
        }
    }
}
