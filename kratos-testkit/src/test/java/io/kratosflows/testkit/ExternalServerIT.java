package io.kratosflows.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * {@code KRATOS_PUBLIC_URL}/{@code KRATOS_ADMIN_URL}: the kit uses a Kratos that is already running
 * (here: one it started itself, named to small in-process test classes through their environment),
 * reads codes from the courier queue, and skips configurations it cannot apply.
 */
class ExternalServerIT {

    @RegisterExtension
    static final KratosServer running = KratosServer.defaults();

    private static final ByteArrayOutputStream NOTICE_BYTES = new ByteArrayOutputStream();
    private static final PrintStream NOTICES = new PrintStream(NOTICE_BYTES, true, StandardCharsets.UTF_8);

    /** Set before the nested classes are loaded, so their static fields see it. */
    static volatile Map<String, String> externalEnv = Map.of();

    static class UsesRunningServer {
        @RegisterExtension
        static final KratosServer kratos = KratosServer.builder().environment(externalEnv).build();

        @Test
        void talksToTheRunningServer() {
            assertEquals(externalEnv.get("KRATOS_PUBLIC_URL"), kratos.publicUrl().toString());
            assertEquals(externalEnv.get("KRATOS_ADMIN_URL"), kratos.adminUrl().toString());
            assertEquals(InstalledKratos.version(), kratos.version());
            assertTrue(kratos.logFile().isEmpty());
            assertTrue(kratos.mail().smtpPort().isEmpty());

            String email = "ext-" + UUID.randomUUID() + "@example.com";
            kratos.admin().createIdentity(email, "a-long-test-password-1");
            new NativeFlows(kratos.publicUrl()).requestRecoveryCode(email);
            String code = kratos.mail().lastCodeFor(email, CodePurpose.RECOVERY, Duration.ofSeconds(10));
            assertTrue(code.matches("\\d{6}"));
            List<MailMessage> seen = kratos.mail().messagesFor(email);
            assertEquals(MailMessage.Source.COURIER, seen.get(0).source());
        }
    }

    static class NeedsOverlays {
        @RegisterExtension
        static final KratosServer kratos = KratosServer.builder()
                .set("selfservice.flows.login.lifespan", "3s")
                .environment(externalEnv).announceTo(NOTICES).build();

        @Test
        void mustNotRun() {
            throw new AssertionError("overlays cannot apply to a running server");
        }
    }

    @Test
    void usesARunningServerAndSkipsWhatItCannotConfigure() {
        externalEnv = Map.of("KRATOS_PUBLIC_URL", running.publicUrl().toString(),
                "KRATOS_ADMIN_URL", running.adminUrl().toString());

        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(UsesRunningServer.class), selectClass(NeedsOverlays.class))
                .execute();

        // The nested test's own failure says more than the counts below.
        results.testEvents().failed().stream().findFirst().ifPresent(failed -> {
            throw new AssertionError(failed.getTestDescriptor().getDisplayName() + " failed",
                    failed.getPayload(TestExecutionResult.class)
                            .flatMap(TestExecutionResult::getThrowable).orElse(null));
        });
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
        List<Event> skipped = results.containerEvents().skipped().list();
        assertEquals(1, skipped.size());
        String reason = skipped.get(0).getPayload(String.class).orElseThrow();
        assertTrue(reason.startsWith("SKIPPED (needs its own Kratos)"), reason);
        assertTrue(reason.contains("selfservice.flows.login.lifespan"), reason);
        assertEquals(reason + System.lineSeparator(), NOTICE_BYTES.toString(StandardCharsets.UTF_8));
    }
}
