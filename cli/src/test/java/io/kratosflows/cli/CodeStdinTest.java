package io.kratosflows.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.testing.FakeKratos;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One-time codes from standard input ({@code --code-stdin} and friends), so that they stay out of
 * the process list; with {@code --password-stdin} too, the password is the first line and the code
 * the second, whatever order the flow uses them in.
 */
class CodeStdinTest {

    private static final String FLOW = "00000000-0000-0000-0000-000000000000";

    @Test
    void verifyReadsTheCodeFromStandardInput() throws Exception {
        try (FakeKratos kratos = new FakeKratos()) {
            kratos.respond("verification/submit-email-code-sent.200.json")
                    .respond("verification/submit-code-success.200.json");
            CliRun run = CliRun.run("483920\n", Map.of(), "verify", "--kratos-url", kratos.url(), "--flow", FLOW,
                    "--code-stdin");
            assertEquals(0, run.exitCode(), run.toString());
            assertTrue(run.out().contains("Verified."), run.toString());
            assertTrue(kratos.requests().get(1).body().contains("\"code\":\"483920\""), kratos.requests().toString());
            assertFalse(run.all().contains("483920"), "the code is not echoed: " + run);
        }
    }

    @Test
    void recoverTakesThePasswordFirstAndTheCodeSecond() throws Exception {
        try (FakeKratos kratos = new FakeKratos()) {
            kratos.respond("recovery/submit-email-code-sent.200.json")
                    .respond("recovery/submit-code-success.200.json")
                    .respond("settings/create.200.json")
                    .respond("settings/submit-password-success.200.json");
            CliRun run = CliRun.run("the-New-Password-1\n271828\n", Map.of(), "recover", "--kratos-url", kratos.url(),
                    "--flow", FLOW, "--code-stdin", "--password-stdin");
            assertEquals(0, run.exitCode(), run.toString());
            assertTrue(kratos.requests().get(1).body().contains("\"code\":\"271828\""), kratos.requests().toString());
            assertTrue(kratos.requests().get(3).body().contains("the-New-Password-1"), kratos.requests().toString());
            assertTrue(run.out().contains("Saved."), run.toString());
        }
    }

    @Test
    void loginWithTheSecondFactorCodeFromStandardInput() throws Exception {
        try (FakeKratos kratos = new FakeKratos()) {
            kratos.respond("login/create.200.json")
                    .respond("login/submit-password-second-factor-required.200.json")
                    .respond("login/create-aal2.200.json")
                    .respond("login/submit-totp-success.200.json");
            CliRun run = CliRun.run("a-Password-1\n314159\n", Map.of(), "login", "--kratos-url", kratos.url(),
                    "--email", "ada@example.org", "--password-stdin", "--totp-code-stdin");
            assertEquals(0, run.exitCode(), run.toString());
            assertTrue(kratos.requests().get(1).body().contains("a-Password-1"), kratos.requests().toString());
            assertTrue(kratos.requests().get(3).body().contains("\"totp_code\":\"314159\""), kratos.requests().toString());
        }
    }

    @Test
    void standardInputEndingBeforeTheCodeIsOneLineAndExit2() throws Exception {
        try (FakeKratos kratos = new FakeKratos()) {
            kratos.respond("verification/submit-email-code-sent.200.json");
            CliRun run = CliRun.run("", Map.of(), "verify", "--kratos-url", kratos.url(), "--flow", FLOW, "--code-stdin");
            assertEquals(2, run.exitCode(), run.toString());
            assertEquals(1, run.errLines().size(), run.toString());
            assertTrue(run.err().contains("--code-stdin was given but standard input ended"), run.toString());
        }
    }

    @Test
    void onlyOneCodeComesFromStandardInput() {
        CliRun run = CliRun.run("", Map.of("KRATOS_SESSION_TOKEN", "t"), "login", "--kratos-url", "http://127.0.0.1:1",
                "--totp-code-stdin", "--lookup-code-stdin");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("pass only one of --totp-code-stdin, --lookup-code-stdin"), run.toString());
    }

    @Test
    void helpSaysTheArgumentFormIsVisibleToOtherUsers() {
        for (String command : new String[] {"login", "register", "recover", "verify", "settings"}) {
            CliRun help = CliRun.run(command, "--help");
            String flat = help.out().replaceAll("\\s+", " ");
            assertTrue(flat.contains("Visible to other users in the process list"), command + ":\n" + help.out());
            assertTrue(flat.contains("-code-stdin"), command + ":\n" + help.out());
        }
    }
}
