package io.kratosflows.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kratosflows.testing.FakeKratos;
import io.kratosflows.testing.RecordedResponses;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The outcomes the library added after the CLI's handlers were written (too many code attempts, a
 * disabled identity, backup codes shown but not saved), replayed from recorded v26.2.0 answers:
 * each with its exit code, its {@code --json} outcome and one line.
 */
class NewOutcomesTest {

    private static final String FLOW = "00000000-0000-0000-0000-000000000000";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static void failed(CliRun run, String command, int exitCode, String outcome, String fragment) throws Exception {
        assertEquals(exitCode, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().contains(fragment), run.toString());
        assertEquals(outcome, JsonEnvelopeTest.envelope(run, command).path("outcome").asText(), run.toString());
    }

    @Test
    void tooManyLoginCodesIsExit7() throws Exception {
        try (FakeKratos kratos = new FakeKratos()) {
            kratos.respond("login/create-for-code.200.json").respond("login/too-many-attempt-6.400.json");
            CliRun run = CliRun.run("000000\n", Map.of(), "login", "--json", "--kratos-url", kratos.url(), "--flow", FLOW,
                    "--method", "code", "--email", "ada@example.org", "--code-stdin");
            failed(run, "login", 7, "too_many_attempts", "too many wrong codes");
        }
    }

    @Test
    void aDisabledIdentityIsExit3() throws Exception {
        try (FakeKratos kratos = new FakeKratos()) {
            kratos.respond("login/create.200.json").respond("login/identity-disabled-submit-password.401.json")
                    .respond("recovery/create.200.json").respond("recovery/identity-disabled-submit-code.401.json");
            CliRun login = CliRun.run("a-Password-1\n", Map.of(), "login", "--json", "--kratos-url", kratos.url(),
                    "--email", "ada@example.org", "--password-stdin");
            CliRun recover = CliRun.run("123456\n", Map.of(), "recover", "--json", "--kratos-url", kratos.url(),
                    "--flow", FLOW, "--code-stdin");
            failed(login, "login", 3, "identity_disabled", "the account is disabled");
            failed(recover, "recover", 3, "identity_disabled", "the account is disabled");
        }
    }

    @Test
    void tooManyRecoveryAndVerificationCodesAreExit7() throws Exception {
        try (FakeKratos kratos = new FakeKratos()) {
            kratos.respond("recovery/create.200.json").respond("recovery/too-many-attempt-6.400.json")
                    .respond("verification/too-many-attempt-5.200.json").respond("verification/too-many-attempt-6.410.json");
            CliRun recover = CliRun.run("123456\n", Map.of(), "recover", "--json", "--kratos-url", kratos.url(),
                    "--flow", FLOW, "--code-stdin");
            CliRun verify = CliRun.run("123456\n", Map.of(), "verify", "--json", "--kratos-url", kratos.url(),
                    "--flow", FLOW, "--code-stdin");
            failed(recover, "recover", 7, "too_many_attempts", "too many wrong codes");
            failed(verify, "verify", 7, "too_many_attempts", "too many wrong codes");
        }
    }

    @Test
    void regeneratedBackupCodesAreShownNotSavedAndNotPrintedUnlessAsked() throws Exception {
        try (FakeKratos kratos = new FakeKratos()) {
            kratos.respond("settings/lookup-create.200.json").respond("settings/lookup-regenerate.200.json");
            CliRun run = CliRun.run("", Map.of("KRATOS_SESSION_TOKEN", "ory_st_lookup"), "settings", "--kratos-url",
                    kratos.url(), "--method", "lookup_secret", "--action", "regenerate", "--json");
            assertEquals(0, run.exitCode(), run.toString());
            JsonNode json = JsonEnvelopeTest.envelope(run, "settings");
            assertEquals("lookup_secrets_shown", json.path("outcome").asText(), run.toString());
            assertTrue(json.path("data").path("confirmation_required").asBoolean(), run.toString());
            JsonNode recorded = JSON.readTree(RecordedResponses.body("settings/lookup-regenerate.200.json"));
            java.util.List<String> codes = new java.util.ArrayList<>();
            recorded.path("ui").path("nodes").forEach(node -> node.path("attributes").path("text").path("context")
                    .path("secrets").forEach(secret -> codes.add(secret.path("text").asText())));
            assertEquals(12, codes.size(), "the recorded codes");
            codes.forEach(code -> assertFalse(run.all().contains(code), "no backup code without --show-secrets: " + run));
            assertTrue(run.err().isEmpty(), run.toString());
        }
    }
}
