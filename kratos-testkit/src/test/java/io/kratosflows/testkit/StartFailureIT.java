package io.kratosflows.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** A configuration Kratos rejects fails the class (not skips it) with Kratos's own error. */
class StartFailureIT {

    /** Not used directly: skips this class, like every live test, when no Kratos can be started. */
    @RegisterExtension
    static final KratosServer kratos = KratosServer.defaults();

    static class RejectedConfiguration {
        @RegisterExtension
        static final KratosServer kratos = KratosServer.builder()
                .name("rejected")
                .set("selfservice.flows.registration.bogus_key", 1)
                .build();

        @Test
        void mustNotRun() {
            throw new AssertionError("Kratos accepted an unknown key");
        }
    }

    @Test
    void kratosRejectingItsConfigFailsWithTheLogTail() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(RejectedConfiguration.class))
                .execute();

        results.testEvents().assertStatistics(stats -> stats.started(0));
        List<Event> failed = results.containerEvents().failed().list();
        assertEquals(1, failed.size());
        Throwable cause = failed.get(0).getPayload(TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow();
        String message = String.valueOf(cause.getMessage());
        assertTrue(message.contains("Kratos exited with status"), message);
        assertTrue(message.contains("\"bogus_key\" not allowed"), message);
    }
}
