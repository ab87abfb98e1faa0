package io.kratosflows.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kratosflows.testing.FakeKratos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --json}: every command prints one object of the same shape, success or failure —
 * {@code {"ok", "command", "outcome", "exit_code", "data", "error"}} — and nothing else on
 * standard output.
 */
class JsonEnvelopeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> MEMBERS = Set.of("ok", "command", "outcome", "exit_code", "data", "error");
    private static final String FLOW = "5f0c0000-0000-0000-0000-000000000000";
    private static final String NOWHERE = "http://127.0.0.1:1";
    private static final Map<String, String> SIGNED_IN = Map.of("KRATOS_SESSION_TOKEN", "ory_st_envelope");

    @TempDir
    Path dir;

    /** The envelope of a run, checked for its shape and its agreement with the exit status. */
    static JsonNode envelope(CliRun run, String command) throws Exception {
        JsonNode json = JSON.readTree(run.out());
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertEquals(MEMBERS, Set.copyOf(names), "members of\n" + run);
        assertEquals(MEMBERS.size(), names.size(), run.toString());
        assertEquals(command, json.path("command").asText(), run.toString());
        assertEquals(run.exitCode(), json.path("exit_code").asInt(), run.toString());
        assertEquals(run.exitCode() == 0, json.path("ok").asBoolean(), run.toString());
        assertTrue(json.path("data").isObject(), run.toString());
        assertTrue(json.path("outcome").isTextual() || json.path("outcome").isNull(), run.toString());
        if (run.exitCode() == 0) {
            assertTrue(json.path("error").isNull(), run.toString());
        } else {
            assertTrue(json.path("error").path("kind").isTextual(), run.toString());
            assertFalse(json.path("error").path("message").asText().isBlank(), run.toString());
        }
        return json;
    }

    private static void assertSuccess(CliRun run, String command, String outcome) throws Exception {
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode json = envelope(run, command);
        assertEquals(outcome, json.path("outcome").isNull() ? null : json.path("outcome").asText(), run.toString());
    }

    private static JsonNode assertFailure(CliRun run, String command, int exitCode, String kind) throws Exception {
        assertEquals(exitCode, run.exitCode(), run.toString());
        JsonNode json = envelope(run, command);
        assertEquals(kind, json.path("error").path("kind").asText(), run.toString());
        assertEquals(1, run.errLines().size(), "the one line on stderr too:\n" + run);
        return json;
    }

    @Test
    void login() throws Exception {
        try (FakeKratos kratos = new FakeKratos()) {
            kratos.respond("login/create.200.json").respond("login/submit-password-success.200.json")
                    .respond("login/create.200.json").respond("login/submit-password-invalid-credentials.400.json");
            CliRun ok = CliRun.run("pw\n", Map.of(), "login", "--json", "--kratos-url", kratos.url(), "--email", "a@b.org",
                    "--password-stdin");
            CliRun wrong = CliRun.run("pw\n", Map.of(), "login", "--json", "--kratos-url", kratos.url(), "--email", "a@b.org",
                    "--password-stdin");
            assertSuccess(ok, "login", "completed");
            assertEquals("fixture-08a6f479@example.org", envelope(ok, "login").path("data").path("session")
                    .path("identity").path("traits").path("email").asText(), ok.toString());
            JsonNode failed = assertFailure(wrong, "login", 3, "auth_failed");
            assertEquals("needs_input", failed.path("outcome").asText(), wrong.toString());
            assertFalse(failed.path("data").path("flow").asText().isEmpty(), "what the run knew: " + wrong);
        }
    }

    @Test
    void register() throws Exception {
        try (FakeKratos kratos = new FakeKratos()) {
            kratos.respond("registration/create.200.json").respond("registration/submit-password-success.200.json")
                    .respond("registration/create.200.json").respond("registration/submit-password-too-short.400.json");
            CliRun ok = CliRun.run("pw-long-enough\n", Map.of(), "register", "--json", "--kratos-url", kratos.url(),
                    "--email", "a@b.org", "--password-stdin");
            CliRun tooShort = CliRun.run("pw\n", Map.of(), "register", "--json", "--kratos-url", kratos.url(),
                    "--email", "a@b.org", "--password-stdin");
            assertSuccess(ok, "register", "completed");
            assertTrue(envelope(ok, "register").path("data").path("identity").isObject(), ok.toString());
            assertFailure(tooShort, "register", 2, "invalid_input");
        }
    }

    @Test
    void settings() throws Exception {
        try (FakeKratos kratos = new FakeKratos()) {
            kratos.respond("settings/create.200.json").respond("settings/submit-password-success.200.json");
            CliRun ok = CliRun.run("new-Password-123\n", SIGNED_IN, "settings", "--json", "--kratos-url", kratos.url(),
                    "--method", "password", "--password-stdin");
            assertSuccess(ok, "settings", "saved");
            assertEquals("password", envelope(ok, "settings").path("data").path("method").asText());
        }
        CliRun notSignedIn = CliRun.run("", Map.of(), "settings", "--json", "--kratos-url", NOWHERE, "--method", "password");
        assertFailure(notSignedIn, "settings", 3, "auth_failed");
    }

    @Test
    void recover() throws Exception {
        try (FakeKratos kratos = new FakeKratos()) {
            kratos.respond("recovery/create.200.json").respond("recovery/submit-email-code-sent.200.json");
            CliRun sent = CliRun.run("", Map.of(), "recover", "--json", "--kratos-url", kratos.url(), "--email", "a@b.org");
            assertSuccess(sent, "recover", "code_sent");
            assertFalse(envelope(sent, "recover").path("data").path("flow").asText().isEmpty(), sent.toString());
        }
        assertFailure(CliRun.run("", Map.of(), "recover", "--json", "--kratos-url", NOWHERE, "--email", "a@b.org"),
                "recover", 4, "kratos_unreachable");
    }

    @Test
    void verify() throws Exception {
        try (FakeKratos kratos = new FakeKratos()) {
            kratos.respond("verification/create.200.json").respond("verification/submit-email-code-sent.200.json")
                    .respond("verification/submit-email-code-sent.200.json").respond("verification/submit-code-wrong.200.json");
            CliRun sent = CliRun.run("", Map.of(), "verify", "--json", "--kratos-url", kratos.url(), "--email", "a@b.org");
            CliRun wrong = CliRun.run("000000\n", Map.of(), "verify", "--json", "--kratos-url", kratos.url(), "--flow", FLOW,
                    "--code-stdin");
            assertSuccess(sent, "verify", "code_sent");
            assertEquals("invalid_code", assertFailure(wrong, "verify", 3, "auth_failed").path("outcome").asText());
        }
    }

    @Test
    void whoamiAndLogout() throws Exception {
        try (FakeKratos kratos = new FakeKratos()) {
            kratos.respond("session/whoami.200.json").respond("session/whoami-after-logout.401.json")
                    .respond(204, "").respond("session/logout-unknown-token.403.json");
            CliRun active = CliRun.run("", SIGNED_IN, "whoami", "--json", "--kratos-url", kratos.url());
            CliRun gone = CliRun.run("", SIGNED_IN, "whoami", "--json", "--kratos-url", kratos.url());
            CliRun loggedOut = CliRun.run("", SIGNED_IN, "logout", "--json", "--kratos-url", kratos.url());
            CliRun unknown = CliRun.run("", SIGNED_IN, "logout", "--json", "--kratos-url", kratos.url());
            assertSuccess(active, "whoami", "active");
            assertEquals("not_signed_in", assertFailure(gone, "whoami", 3, "auth_failed").path("outcome").asText());
            assertSuccess(loggedOut, "logout", "logged_out");
            assertEquals("session_not_found", assertFailure(unknown, "logout", 3, "auth_failed").path("outcome").asText());
        }
    }

    @Test
    void tokenExchange() throws Exception {
        try (FakeKratos kratos = new FakeKratos()) {
            kratos.respond("login/submit-password-success.200.json").respond("session/token-exchange-unknown.404.json");
            CliRun ok = CliRun.run("init-code\n", Map.of(), "token-exchange", "--json", "--kratos-url", kratos.url(),
                    "--init-code-stdin", "--return-to-code", "rtc");
            CliRun refused = CliRun.run("init-code\n", Map.of(), "token-exchange", "--json", "--kratos-url", kratos.url(),
                    "--init-code-stdin", "--return-to-code", "rtc");
            assertSuccess(ok, "token-exchange", "exchanged");
            assertEquals("rejected", assertFailure(refused, "token-exchange", 3, "auth_failed").path("outcome").asText());
        }
    }

    @Test
    void flowsShow() throws Exception {
        try (FakeKratos kratos = new FakeKratos()) {
            kratos.respond("login/fetch-unknown-id.404.json").respond("registration/create.200.json");
            CliRun found = CliRun.run("flows", "show", FLOW, "--json", "--kratos-url", kratos.url());
            assertSuccess(found, "flows show", null);
            assertEquals("registration", envelope(found, "flows show").path("data").path("type").asText());
        }
        assertFailure(CliRun.run("flows", "show", FLOW, "--json", "--kratos-url", NOWHERE), "flows show", 4,
                "kratos_unreachable");
    }

    @Test
    void specDiff() throws Exception {
        Path old = SpecDiffCommandTest.write(dir, "old.yaml", SpecDiffCommandTest.loginSpec("refresh"));
        Path neu = SpecDiffCommandTest.write(dir, "new.yaml", SpecDiffCommandTest.loginSpec("refresh", "organization"));
        CliRun same = CliRun.run("spec-diff", old.toString(), neu.toString(), "--json");
        assertSuccess(same, "spec-diff", null);
        assertEquals("kratos-flows-spec-diff/1", envelope(same, "spec-diff").path("data").path("format").asText());

        Path report = dir.resolve("report.json");
        CliRun toFile = CliRun.run("spec-diff", old.toString(), neu.toString(), "--json", "--output", report.toString());
        assertEquals(0, toFile.exitCode(), toFile.toString());
        assertEquals(report.toString(), envelope(toFile, "spec-diff").path("data").path("output").asText());
        assertEquals("kratos-flows-spec-diff/1", JSON.readTree(Files.readString(report)).path("format").asText(),
                "the file holds the report itself");

        CliRun unreadable = CliRun.run("spec-diff", old.toString(), dir.resolve("none.json").toString(), "--json");
        assertFailure(unreadable, "spec-diff", 2, "invalid_input");
    }

    @Test
    void completion() throws Exception {
        CliRun ok = CliRun.run("completion", "--json");
        assertSuccess(ok, "completion", null);
        assertTrue(envelope(ok, "completion").path("data").path("script").asText().contains("kratos-flows"));
        assertFailure(CliRun.run("completion", "fish", "--json"), "completion", 2, "invalid_input");
    }

    @Test
    void demoWithNoKratosAnywhere() throws Exception {
        CliRun run = CliRun.run("", Map.of("PATH", dir.toString(), "KRATOS_DOWNLOAD", "false"), "demo", "--json",
                "--kratos-url", NOWHERE);
        assertFailure(run, "demo", 4, "kratos_unreachable");
    }

    @Test
    void usageErrorsToo() throws Exception {
        assertFailure(CliRun.run("login", "--json", "--pasword", "x"), "login", 2, "invalid_input");
        assertFailure(CliRun.run("--json", "frobnicate"), "kratos-flows", 2, "invalid_input");
        assertFailure(CliRun.run("--json"), "kratos-flows", 2, "invalid_input");
    }
}
