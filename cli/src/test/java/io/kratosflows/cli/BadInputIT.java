package io.kratosflows.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kratosflows.testkit.KratosServer;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bad input against a real Kratos: one line on stderr, the documented exit code, no stack trace. */
class BadInputIT {

    @RegisterExtension
    static final KratosServer kratos = KratosServer.defaults();

    private static Map<String, String> env() {
        return Map.of("KRATOS_PUBLIC_URL", kratos.publicUrl().toString());
    }

    private static void assertOneLine(CliRun run, int exitCode, String fragment) {
        assertEquals(exitCode, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().contains(fragment), run.toString());
        assertFalse(run.err().contains("\tat "), "no stack trace without --verbose: " + run);
    }

    @Test
    void unknownCommand() {
        assertOneLine(CliRun.run("", env(), "sign-in"), 2, "unknown command 'sign-in'");
    }

    @Test
    void badUrl() {
        assertOneLine(CliRun.run("secret\n", env(), "login", "--kratos-url", "kratos:4433", "--email", "a@b.org",
                "--password-stdin"), 2, "is not an absolute http(s) URL");
    }

    @Test
    void unreachableHost() {
        long start = System.nanoTime();
        assertOneLine(CliRun.run("secret\n", Map.of(), "login", "--kratos-url", "http://127.0.0.1:1", "--email",
                "a@b.org", "--password-stdin"), 4, "could not reach Kratos at http://127.0.0.1:1");
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "fails fast");
    }

    @Test
    void wrongPassword() {
        String email = "bad-" + UUID.randomUUID() + "@example.org";
        kratos.admin().createIdentity(email, "the-right-Password-1");
        CliRun run = CliRun.run("the-wrong-password\n", env(), "login", "--email", email, "--password-stdin");
        assertOneLine(run, 3, "login failed: [error 4000006]");
        CliRun verbose = CliRun.run("the-wrong-password\n", env(), "login", "--email", email, "--password-stdin", "-v");
        assertEquals(3, verbose.exitCode());
        assertTrue(verbose.err().contains("POST /self-service/login?flow="), verbose.toString());
        assertFalse(verbose.all().contains("the-wrong-password"), verbose.toString());
    }

    @Test
    void wrongCode() throws Exception {
        String email = "bad-" + UUID.randomUUID() + "@example.org";
        kratos.admin().createIdentity(email, "the-right-Password-1");
        CliRun sent = CliRun.run("", env(), "verify", "--email", email, "--json");
        assertEquals(0, sent.exitCode(), sent.toString());
        String flow = new ObjectMapper().readTree(sent.out()).path("data").path("flow").asText();
        assertOneLine(CliRun.run("", env(), "verify", "--flow", flow, "--code", "000000"), 3,
                "verification failed: [error 4070006]");
    }

    @Test
    void notSignedIn() {
        assertOneLine(CliRun.run("", env(), "whoami", "--token-file", "/nonexistent/token"), 3, "not signed in");
        assertOneLine(CliRun.run("", Map.of("KRATOS_PUBLIC_URL", kratos.publicUrl().toString(),
                "KRATOS_SESSION_TOKEN", "ory_st_unknown"), "logout"), 3, "not signed in");
    }

    @Test
    void unknownFlowId() {
        assertOneLine(CliRun.run("", env(), "flows", "show", UUID.randomUUID().toString()), 2, "no flow");
    }
}
