package io.kratosflows.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kratosflows.testing.FakeKratos;
import io.kratosflows.testing.RecordedResponses;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Answers that used to end with the wrong exit code (often 1, "a bug"): each now gets its
 * documented code and one line on standard error.
 */
class ExitCodeRegressionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> SIGNED_IN = Map.of("KRATOS_SESSION_TOKEN", "ory_st_regression");

    private static void assertOneLine(CliRun run, int exitCode, String fragment) {
        assertEquals(exitCode, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().contains(fragment), run.toString());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run);
    }

    /** A fixture with the nodes of some groups taken out, or renamed. */
    private static String withNodes(String fixture, Predicate<String> keepGroup, String renameFrom, String renameTo)
            throws IOException {
        ObjectNode flow = (ObjectNode) JSON.readTree(RecordedResponses.body(fixture));
        ArrayNode nodes = (ArrayNode) flow.path("ui").path("nodes");
        ArrayNode kept = JSON.createArrayNode();
        nodes.forEach(n -> {
            if (keepGroup.test(n.path("group").asText())) {
                ObjectNode node = (ObjectNode) n.deepCopy();
                if (node.path("group").asText().equals(renameFrom)) {
                    node.put("group", renameTo);
                }
                kept.add(node);
            }
        });
        ((ObjectNode) flow.path("ui")).set("nodes", kept);
        return JSON.writeValueAsString(flow);
    }

    /** A loopback server that greets like OpenSSH, reads what it is sent and hangs up: not HTTP. */
    private static final class SshBanner implements AutoCloseable {
        private final ServerSocket server;
        private final Thread thread;

        SshBanner() throws IOException {
            server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        OutputStream out = s.getOutputStream();
                        out.write("SSH-2.0-OpenSSH_9.6\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        s.setSoTimeout(1000);
                        InputStream in = s.getInputStream();
                        in.read(new byte[4096]);
                    } catch (IOException closedOrTimedOut) {
                        // next connection
                    }
                }
            }, "ssh-banner");
            thread.setDaemon(true);
            thread.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    @Test
    void aServerSpeakingAnotherProtocolIsAnUnexpectedResponse() throws Exception {
        try (SshBanner ssh = new SshBanner()) {
            CliRun run = CliRun.run("", SIGNED_IN, "whoami", "--kratos-url", ssh.url());
            assertOneLine(run, 5, "does not speak HTTP (it greets with 'SSH-2.0-OpenSSH_9.6'): check --kratos-url");
        }
    }

    @Test
    void theSchemeIsCaseInsensitive() throws Exception {
        try (FakeKratos kratos = new FakeKratos()) {
            kratos.respond("session/whoami.200.json");
            CliRun run = CliRun.run("", SIGNED_IN, "whoami", "--kratos-url", kratos.url().replace("http://", "HTTP://"));
            assertEquals(0, run.exitCode(), run.toString());
            assertTrue(run.out().contains("Signed in: fixture-08a6f479@example.org"), run.toString());
        }
    }

    @Test
    void aPortOutOfRangeIsInvalidInput() {
        assertOneLine(CliRun.run("", SIGNED_IN, "whoami", "--kratos-url", "http://127.0.0.1:99999"), 2,
                "port 99999 is out of range (1-65535)");
        assertOneLine(CliRun.run("", Map.of("KRATOS_SESSION_TOKEN", "t", "KRATOS_PUBLIC_URL", "http://127.0.0.1:0"),
                "whoami"), 2, "$KRATOS_PUBLIC_URL");
        assertOneLine(CliRun.run("whoami", "--kratos-url", "http://127.0.0.1:99999"), 2, "out of range");
    }

    @Test
    void aBlankFlowIdIsAUsageErrorNotABug() {
        for (String command : new String[] {"login", "register", "verify", "recover"}) {
            assertOneLine(CliRun.run("", Map.of(), command, "--flow", " ", "--code", "123456", "--kratos-url", "http://127.0.0.1:9"), 2,
                    "--flow needs a flow id");
        }
    }

    @Test
    void anInteractiveLoginAgainstAFlowWithoutMethodsIsInvalidInput() throws Exception {
        try (FakeKratos kratos = new FakeKratos()) {
            kratos.respond(200, withNodes("login/create.200.json", "default"::equals, "", ""));
            CliRun run = CliRun.run("ada@example.org\n", Map.of(), "login", "--interactive", "--kratos-url", kratos.url());
            assertOneLine(run, 2, "offers no sign-in method");
        }
    }

    @Test
    void recoveryByAMethodTheFlowDoesNotOfferIsInvalidInputAndSendsNothing() throws Exception {
        try (FakeKratos kratos = new FakeKratos()) {
            kratos.respond(200, withNodes("recovery/create.200.json", g -> true, "code", "link"));
            CliRun run = CliRun.run("recover", "--kratos-url", kratos.url(), "--email", "ada@example.org");
            assertOneLine(run, 2, "does not offer the method 'code'");
            assertEquals(1, kratos.requests().size(), "only the flow was started: " + kratos.requests());
        }
    }

    @Test
    void verificationByAMethodTheFlowDoesNotOfferIsInvalidInputAndSendsNothing() throws Exception {
        try (FakeKratos kratos = new FakeKratos()) {
            kratos.respond(200, withNodes("verification/create.200.json", g -> true, "code", "link"));
            CliRun run = CliRun.run("verify", "--kratos-url", kratos.url(), "--email", "ada@example.org");
            assertOneLine(run, 2, "does not offer the method 'code'");
            assertEquals(1, kratos.requests().size(), "only the flow was started: " + kratos.requests());
        }
    }

    @Test
    void whoamiWithAnInactiveSessionIsNotSignedIn() throws Exception {
        ObjectNode inactive = (ObjectNode) JSON.readTree(RecordedResponses.body("session/whoami.200.json"));
        inactive.put("active", false);
        try (FakeKratos kratos = new FakeKratos()) {
            kratos.respond(200, JSON.writeValueAsString(inactive));
            assertOneLine(CliRun.run("", SIGNED_IN, "whoami", "--kratos-url", kratos.url()), 3, "not signed in");
        }
    }

    @Test
    void aRateLimitIsKratosUnreachable() throws Exception {
        try (FakeKratos kratos = new FakeKratos()) {
            kratos.respond(429, "{\"error\":{\"code\":429,\"message\":\"Too Many Requests\"}}");
            assertOneLine(CliRun.run("", SIGNED_IN, "whoami", "--kratos-url", kratos.url()), 4, "whoami");
        }
    }
}
