package io.kratosflows.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kratosflows.testkit.KratosServer;
import io.kratosflows.testkit.LocalKratos;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code kratos-flows demo} end to end against a real Kratos: in-process, and as a real process from the jar. */
class DemoIT {

    @RegisterExtension
    static final KratosServer kratos = KratosServer.defaults();

    private static String url(java.net.URI uri) {
        return uri.toString();
    }

    private static void assertEveryStepPassed(String out) {
        for (int step = 1; step <= 9; step++) {
            assertTrue(out.contains("[" + step + "/9] "), "step " + step + " in\n" + out);
        }
        assertEquals(9, out.lines().filter(l -> l.trim().startsWith("OK ")).count(), out);
        assertTrue(out.contains("GET /self-service/registration/api -> 200"), out);
        assertTrue(out.contains("POST /self-service/registration?flow="), out);
        assertTrue(out.contains("[success 1080002] You successfully verified your email address."), out);
        assertTrue(out.contains("DELETE /self-service/logout/api -> 204"), out);
        assertTrue(out.contains("POST /self-service/login?flow="), out);
        assertTrue(out.contains("GET /sessions/whoami -> 200"), out);
        assertTrue(out.matches("(?s).*address demo-[0-9a-f]{8}@example.org: verified.*"), out);
        assertTrue(out.contains("[success 1050001] Your changes have been saved!"), out);
        assertTrue(out.contains("[info 1060003] An email containing a recovery code has been sent"), out);
        assertTrue(out.contains("GET /self-service/settings/flows?id="), out);
        assertTrue(out.contains("GET /sessions/whoami -> 401"), out);
        assertTrue(out.contains("Done: 9 of 9 steps passed"), out);
        assertFalse(out.contains("ory_st_"), "no session token in the output");
    }

    @Test
    void demoAgainstARunningKratosReadsCodesThroughTheAdminApi() {
        CliRun run = CliRun.run("", Map.of(), "demo", "--kratos-url", url(kratos.publicUrl()),
                "--admin-url", url(kratos.adminUrl()));
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("codes: read from the admin courier API at " + kratos.adminUrl()), run.toString());
        assertEveryStepPassed(run.out());
        assertEquals("", run.err().strip(), run.toString());
    }

    @Test
    void demoWithoutAdminUrlSaysItSkipsTheCodeSteps() {
        CliRun run = CliRun.run("", Map.of(), "demo", "--kratos-url", url(kratos.publicUrl()));
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("codes: not readable (no --admin-url)"), run.toString());
        assertEquals(3, run.out().lines().filter(l -> l.contains("SKIP  codes cannot be read: pass --admin-url")).count(),
                run.toString());
        assertTrue(run.out().contains("Done: 6 of 9 steps passed, 3 skipped"), run.toString());
    }

    @Test
    void demoJsonListsEveryStep() throws Exception {
        CliRun run = CliRun.run("", Map.of(), "demo", "--json", "--kratos-url", url(kratos.publicUrl()),
                "--admin-url", url(kratos.adminUrl()));
        assertEquals(0, run.exitCode(), run.toString());
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        assertTrue(json.path("ok").asBoolean(), run.out());
        assertEquals(9, json.path("data").path("steps").size());
        json.path("data").path("steps").forEach(s -> assertEquals("ok", s.path("status").asText(), s.toString()));
    }

    /** The newcomer's run: no Kratos at the URL, so the jar starts its own from KRATOS_BIN and stops it. */
    @Test
    void theJarStartsItsOwnKratosWhenNoneAnswers() throws Exception {
        Path jar = Path.of(System.getProperty("kratos.flows.jar", "target/kratos-flows.jar"));
        assumeTrue(Files.isRegularFile(jar), "SKIPPED: " + jar + " not built (run mvn package first)");
        Optional<Path> binary = LocalKratos.find(System.getenv());
        assumeTrue(binary.isPresent(), "SKIPPED: no Kratos binary (KRATOS_BIN or PATH) for the demo to start");
        ProcessBuilder builder = new ProcessBuilder(JarCommand.of(jar, "demo",
                "--kratos-url", "http://127.0.0.1:" + freePort()));
        builder.environment().remove("KRATOS_PUBLIC_URL");
        builder.environment().remove("KRATOS_ADMIN_URL");
        builder.environment().put("KRATOS_BIN", binary.get().toString());
        long start = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] err = new byte[0];
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        err = process.getErrorStream().readAllBytes();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "demo did not finish in 120 s");
        long millis = (System.nanoTime() - start) / 1_000_000;
        String all = out + "\n--- stderr ---\n" + new String(err, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), all);
        assertTrue(out.contains("starting Kratos from " + binary.get()), all);
        assertEveryStepPassed(out);
        assertTrue(out.contains("Stopped the local Kratos."), all);
        assertEquals("", new String(err, StandardCharsets.UTF_8).strip(), "nothing on stderr: " + all);
        System.out.println("kratos-flows demo as a process against a fresh local Kratos: " + millis + " ms");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
