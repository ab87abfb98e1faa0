package io.kratosflows.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kratosflows.testing.FakeKratos;
import io.kratosflows.testing.RecordedResponses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands end to end against recorded Kratos responses: outputs, exit codes, and no secret in any output. */
class CommandsReplayTest {

    private static final String PASSWORD = "correct-horse-battery-staple";
    private static final String TOKEN = tokenOf("login/submit-password-success.200.json");

    @TempDir
    Path dir;

    private static String tokenOf(String fixture) {
        try {
            return new ObjectMapper().readTree(RecordedResponses.body(fixture)).path("session_token").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static CliRun login(FakeKratos kratos, String... extra) {
        String[] args = new String[6 + extra.length];
        String[] base = {"login", "--kratos-url", kratos.url(), "--email", "ada@example.org", "--password-stdin"};
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.run(PASSWORD + "\n", Map.of(), args);
    }

    @Test
    void loginKeepsTheTokenOutOfEveryOutputUnlessAsked() throws Exception {
        assertTrue(TOKEN.startsWith("ory_st_"));
        try (FakeKratos kratos = new FakeKratos()) {
            kratos.respond("login/create.200.json").respond("login/submit-password-success.200.json");
            CliRun run = login(kratos, "--verbose");
            assertEquals(0, run.exitCode(), run.toString());
            assertTrue(run.out().contains("Signed in: fixture-08a6f479@example.org"), run.toString());
            assertTrue(run.out().contains("session token not shown"), run.toString());
            assertTrue(run.err().contains("POST /self-service/login?flow="), "verbose trace:\n" + run);
            assertFalse(run.all().contains(TOKEN), run.toString());
            assertFalse(run.all().contains(PASSWORD), run.toString());
            assertTrue(kratos.requests().get(1).body().contains(PASSWORD), "the password went to Kratos only");
        }
    }

    @Test
    void printTokenPrintsItAndTokenFileStoresIt0600() throws Exception {
        Path file = dir.resolve("token");
        try (FakeKratos kratos = new FakeKratos()) {
            kratos.respond("login/create.200.json").respond("login/submit-password-success.200.json");
            CliRun printed = login(kratos, "--print-token", "--quiet");
            assertEquals(0, printed.exitCode(), printed.toString());
            assertEquals(TOKEN, printed.out().strip(), "quiet: only the requested token");

            kratos.respond("login/create.200.json").respond("login/submit-password-success.200.json");
            CliRun stored = login(kratos, "--token-file", file.toString(), "--json");
            assertEquals(0, stored.exitCode(), stored.toString());
            assertFalse(stored.all().contains(TOKEN), stored.toString());
            assertEquals(TOKEN, Files.readString(file).strip());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            JsonNode json = new ObjectMapper().readTree(stored.out());
            assertEquals("completed", json.path("outcome").asText());
            assertEquals(file.toString(), json.path("data").path("token_file").asText());
            assertTrue(json.path("data").path("session_token").isMissingNode());
        }
    }

    @Test
    void unverifiedAddressAndDisabledMethodEndWithOneLineAndTheirExitCodes() throws Exception {
        String unverified = "{\"error\":{\"id\":\"session_verified_address_required\",\"code\":403,"
                + "\"message\":\"your email or phone address is not yet verified\",\"details\":{\"continue_with\":"
                + "[{\"action\":\"show_verification_ui\",\"flow\":{\"id\":\"4fe6d78f-342a-43e1-b8d8-196dbc6eb25c\","
                + "\"verifiable_address\":\"ada@example.org\"}}]}}}";
        String disabled = "{\"error\":{\"code\":404,\"reason\":\"This endpoint was disabled by system administrator.\","
                + "\"message\":\"The requested resource could not be found\"}}";
        try (FakeKratos kratos = new FakeKratos()) {
            kratos.respond("login/create.200.json").respond(403, unverified);
            CliRun refused = login(kratos);
            kratos.respond("login/create.200.json").respond(404, disabled);
            CliRun unavailable = login(kratos, "--method", "password");

            assertEquals(3, refused.exitCode(), refused.toString());
            assertTrue(refused.err().contains("verify --flow 4fe6d78f-342a-43e1-b8d8-196dbc6eb25c"), refused.toString());
            assertEquals(2, unavailable.exitCode(), unavailable.toString());
            assertTrue(unavailable.err().contains("does not offer the method 'password'"), unavailable.toString());
            assertEquals(1, unavailable.err().strip().lines().count(), "one line:\n" + unavailable);
        }
    }

    @Test
    void wrongPasswordIsOneLineAndExit3() throws Exception {
        try (FakeKratos kratos = new FakeKratos()) {
            kratos.respond("login/create.200.json").respond("login/submit-password-invalid-credentials.400.json");
            CliRun run = login(kratos);
            assertEquals(3, run.exitCode(), run.toString());
            assertEquals(1, run.errLines().size(), run.toString());
            assertTrue(run.err().contains("login failed: [error 4000006]"), run.toString());
            assertFalse(run.err().contains("\tat "), run.toString());
        }
    }

    @Test
    void wrongVerificationCodeIsExit3() throws Exception {
        try (FakeKratos kratos = new FakeKratos()) {
            kratos.respond("verification/submit-email-code-sent.200.json")
                    .respond("verification/submit-code-wrong.200.json");
            CliRun run = CliRun.run("verify", "--kratos-url", kratos.url(), "--flow",
                    "00000000-0000-0000-0000-000000000000", "--code", "000000");
            assertEquals(3, run.exitCode(), run.toString());
            assertTrue(run.out().contains("[error 4070006]"), run.toString());
            assertEquals(1, run.errLines().size(), run.toString());
        }
    }

    @Test
    void browserHandOverPrintsTheUrlAndExit6() throws Exception {
        try (FakeKratos kratos = new FakeKratos()) {
            kratos.respond("login/create.200.json").respond("login/submit-oidc-browser-required.422.json");
            CliRun run = CliRun.run("login", "--kratos-url", kratos.url(), "--method", "oidc", "--provider", "github");
            assertEquals(6, run.exitCode(), run.toString());
            assertTrue(run.out().contains("open https://github.com/login/oauth/authorize?"), run.toString());
        }
    }

    @Test
    void whoamiShowsTheIdentityAndAnUnknownTokenIsExit3() throws Exception {
        try (FakeKratos kratos = new FakeKratos()) {
            kratos.respond("session/whoami.200.json").respond("session/whoami-after-logout.401.json");
            Map<String, String> env = Map.of("KRATOS_SESSION_TOKEN", "ory_st_from_env", "KRATOS_PUBLIC_URL", kratos.url());
            CliRun active = CliRun.run("", env, "whoami");
            assertEquals(0, active.exitCode(), active.toString());
            assertTrue(active.out().contains("fixture-08a6f479@example.org"), active.toString());
            CliRun gone = CliRun.run("", env, "whoami");
            assertEquals(3, gone.exitCode(), gone.toString());
            assertFalse(gone.all().contains("ory_st_from_env"));
        }
    }

    @Test
    void unreachableKratosIsOneLineAndExit4() {
        CliRun run = CliRun.run("", Map.of("KRATOS_SESSION_TOKEN", "t"), "whoami", "--kratos-url", "http://127.0.0.1:1");
        assertEquals(4, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().contains("could not reach Kratos at http://127.0.0.1:1"), run.toString());
    }

    @Test
    void interactiveLoginReadsAnswersFromStdinWithoutAConsole() throws Exception {
        try (FakeKratos kratos = new FakeKratos()) {
            kratos.respond("login/create.200.json").respond("login/submit-password-success.200.json");
            // method choice (by name), identifier, password (hidden on a console; a plain line here)
            CliRun run = CliRun.run("password\nada@example.org\n" + PASSWORD + "\n", Map.of(),
                    "login", "--interactive", "--kratos-url", kratos.url());
            assertEquals(0, run.exitCode(), run.toString());
            assertTrue(run.out().contains("How do you want to sign in:"), run.toString());
            assertTrue(run.out().contains("Sign in with password (password)"), run.toString());
            assertTrue(run.out().contains("Sign in with github"), run.toString());
            assertTrue(run.out().contains("E-Mail: "), run.toString());
            assertTrue(run.out().contains("Password: "), run.toString());
            assertFalse(run.all().contains(PASSWORD), run.toString());
            assertTrue(kratos.requests().get(1).body().contains("ada@example.org"), kratos.requests().toString());
        }
    }

    @Test
    void interactiveInputEndingEarlyIsInvalidInput() throws Exception {
        try (FakeKratos kratos = new FakeKratos()) {
            kratos.respond("login/create.200.json");
            CliRun run = CliRun.run("password\n", Map.of(), "login", "--interactive", "--kratos-url", kratos.url());
            assertEquals(2, run.exitCode(), run.toString());
            assertTrue(run.err().contains("input ended"), run.toString());
        }
    }

    @Test
    void flowsShowFindsTheFlowTypeAndRendersIt() throws Exception {
        try (FakeKratos kratos = new FakeKratos()) {
            kratos.respond("login/fetch-unknown-id.404.json").respond("registration/create.200.json");
            CliRun run = CliRun.run("flows", "show", "5f0c0000-0000-0000-0000-000000000000", "--kratos-url", kratos.url());
            assertEquals(0, run.exitCode(), run.toString());
            assertTrue(run.out().startsWith("registration flow "), run.toString());
            assertTrue(run.out().contains("traits.email"), run.toString());
            assertTrue(kratos.requests().get(0).pathAndQuery().startsWith("/self-service/login/flows?id="));
            assertTrue(kratos.requests().get(1).pathAndQuery().startsWith("/self-service/registration/flows?id="));
        }
    }

    @Test
    void demoWithNoKratosAnywhereExitsAtOnceWithOneLine() {
        long start = System.nanoTime();
        CliRun run = CliRun.run("", Map.of("PATH", dir.toString()), "demo", "--kratos-url", "http://127.0.0.1:1");
        assertEquals(4, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().contains("KRATOS_BIN") && run.err().contains("PATH") && run.err().contains("--kratos-url"),
                run.toString());
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "exits at once");
    }
}
