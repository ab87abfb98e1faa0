package io.kratosflows.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The skip path, proven by running small Jupiter classes in-process with an environment where no
 * Kratos can be found: they are reported as skipped with the documented reason, never as passed,
 * and one line is printed.
 */
class KratosServerSkipTest {

    private static final ByteArrayOutputStream STDERR = new ByteArrayOutputStream();
    private static final PrintStream CAPTURE = new PrintStream(STDERR, true, StandardCharsets.UTF_8);
    /** No KRATOS_* variables and a PATH without kratos. */
    private static final Map<String, String> NO_KRATOS = Map.of("PATH", "/nonexistent-kratos-testkit-dir");

    static class FirstClassNeedingKratos {
        @RegisterExtension
        static final KratosServer kratos = KratosServer.builder()
                .environment(NO_KRATOS).announceTo(CAPTURE).build();

        @Test
        void mustNotRun() {
            fail("ran without Kratos");
        }
    }

    static class SecondClassNeedingKratos {
        @RegisterExtension
        static final KratosServer kratos = KratosServer.builder()
                .registrationStyle(RegistrationStyle.PROFILE_FIRST)
                .set("selfservice.flows.login.lifespan", "3s")
                .environment(NO_KRATOS).announceTo(CAPTURE).build();

        @Test
        void mustNotRun() {
            fail("ran without Kratos");
        }

        @Test
        void mustNotRunEither() {
            fail("ran without Kratos");
        }
    }

    static class BrokenKratosBin {
        @RegisterExtension
        static final KratosServer kratos = KratosServer.builder()
                .environment(Map.of("KRATOS_BIN", "/nonexistent-kratos-testkit-dir/kratos"))
                .announceTo(CAPTURE).build();

        @Test
        void mustNotRun() {
            fail("ran with an unusable KRATOS_BIN");
        }
    }

    @Test
    void withoutKratosTheClassesAreSkippedWithOneLine() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(FirstClassNeedingKratos.class),
                        selectClass(SecondClassNeedingKratos.class))
                .execute();

        results.testEvents().assertStatistics(stats -> stats.started(0).succeeded(0).failed(0));
        List<Event> skipped = results.containerEvents().skipped().list();
        assertEquals(2, skipped.size(), "both classes skipped");
        for (Event event : skipped) {
            assertEquals(KratosLocator.NOT_FOUND_REASON,
                    event.getPayload(String.class).orElseThrow());
        }
        String printed = STDERR.toString(StandardCharsets.UTF_8);
        assertEquals(KratosLocator.NOT_FOUND_REASON + System.lineSeparator(), printed,
                "exactly one line for the whole run");
    }

    @Test
    void anUnusableKratosBinFailsInsteadOfSkipping() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(BrokenKratosBin.class))
                .execute();

        List<Event> failed = results.containerEvents().failed().list();
        assertEquals(1, failed.size());
        Throwable cause = failed.get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .orElseThrow().getThrowable().orElseThrow();
        assertInstanceOf(ExtensionConfigurationException.class, cause);
        assertTrue(cause.getMessage().contains("KRATOS_BIN=/nonexistent-kratos-testkit-dir/kratos"),
                cause.getMessage());
    }

    @Test
    void accessorsBeforeStartExplainHowToRegister() {
        KratosServer notStarted = KratosServer.builder().environment(NO_KRATOS).build();
        IllegalStateException e = assertThrows(IllegalStateException.class, notStarted::publicUrl);
        assertTrue(e.getMessage().contains("@RegisterExtension"), e.getMessage());
        assertTrue(notStarted.toString().contains("not started"));
    }

    @Test
    void toStringShowsKeysButNotValues() {
        KratosServer server = KratosServer.builder()
                .set("selfservice.methods.oidc.config.providers.0.client_secret", "hunter2-secret")
                .build();
        assertTrue(server.toString().contains("client_secret"), server.toString());
        assertTrue(!server.toString().contains("hunter2-secret"), server.toString());
    }
}
