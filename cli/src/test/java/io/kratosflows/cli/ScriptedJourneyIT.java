package io.kratosflows.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kratosflows.testkit.CodePurpose;
import io.kratosflows.testkit.KratosServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A script's use of the CLI against a real Kratos: flags and standard input only, no prompts. */
class ScriptedJourneyIT {

    @RegisterExtension
    static final KratosServer kratos = KratosServer.defaults();

    private static final Duration MAIL = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static CliRun cli(String stdin, String... args) {
        return CliRun.run(stdin, Map.of("KRATOS_PUBLIC_URL", kratos.publicUrl().toString()), args);
    }

    @Test
    void registerVerifyLoginSettingsWhoamiLogout() throws Exception {
        String email = "cli-" + UUID.randomUUID() + "@example.org";
        Path registered = dir.resolve("registered.token");
        Path session = dir.resolve("session.token");

        CliRun register = cli("first-Password-1234\n", "register", "--email", email, "--password-stdin",
                "--trait", "name.first=Ada", "--token-file", registered.toString(), "--json");
        assertEquals(0, register.exitCode(), register.toString());
        JsonNode reg = JSON.readTree(register.out());
        assertEquals("completed", reg.path("outcome").asText(), register.out());
        assertEquals("Ada", reg.path("data").path("identity").path("traits").path("name").path("first").asText());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(registered)));
        String verificationFlow = reg.path("data").path("verification_flow").asText();
        assertFalse(verificationFlow.isEmpty(), register.out());

        String code = kratos.mail().lastCodeFor(email, CodePurpose.VERIFICATION, MAIL);
        CliRun verify = cli("", "verify", "--flow", verificationFlow, "--code", code);
        assertEquals(0, verify.exitCode(), verify.toString());
        assertTrue(verify.out().contains("[success 1080002]") && verify.out().contains("Verified."), verify.toString());

        CliRun login = cli("first-Password-1234\n", "login", "--email", email, "--password-stdin",
                "--token-file", session.toString());
        assertEquals(0, login.exitCode(), login.toString());
        assertTrue(login.out().contains("Signed in: " + email), login.toString());
        assertTrue(login.out().contains("session token written to " + session + " (mode 0600)"), login.toString());

        CliRun settings = cli("second-Password-5678\n", "settings", "--token-file", session.toString(),
                "--method", "password", "--password-stdin");
        assertEquals(0, settings.exitCode(), settings.toString());
        assertTrue(settings.out().contains("[success 1050001] Your changes have been saved!"), settings.toString());

        CliRun whoami = cli("", "whoami", "--token-file", session.toString());
        assertEquals(0, whoami.exitCode(), whoami.toString());
        assertTrue(whoami.out().contains("Signed in: " + email), whoami.toString());
        assertTrue(whoami.out().contains("address " + email + ": verified"), whoami.toString());

        String token = Files.readString(session).strip();
        CliRun logout = cli("", "logout", "--token-file", session.toString());
        assertEquals(0, logout.exitCode(), logout.toString());
        assertFalse(Files.exists(session), "the revoked token's file is deleted");
        CliRun after = CliRun.run("", Map.of("KRATOS_PUBLIC_URL", kratos.publicUrl().toString(),
                "KRATOS_SESSION_TOKEN", token), "whoami");
        assertEquals(3, after.exitCode(), after.toString());

        CliRun oldPassword = cli("first-Password-1234\n", "login", "--email", email, "--password-stdin");
        assertEquals(3, oldPassword.exitCode(), "the old password no longer works: " + oldPassword);
        for (CliRun run : new CliRun[] {register, verify, login, settings, whoami, logout}) {
            assertFalse(run.all().contains(token), "no token in any output");
            assertFalse(run.all().contains("Password-"), "no password in any output");
        }
    }

    @Test
    void recoverByCodeAndSetANewPassword() throws Exception {
        String email = "cli-" + UUID.randomUUID() + "@example.org";
        kratos.admin().createIdentity(email, "forgotten-Password-1");
        CliRun start = cli("", "recover", "--email", email, "--json");
        assertEquals(0, start.exitCode(), start.toString());
        JsonNode sent = JSON.readTree(start.out());
        assertEquals("code_sent", sent.path("outcome").asText(), start.out());

        String code = kratos.mail().lastCodeFor(email, CodePurpose.RECOVERY, MAIL);
        Path token = dir.resolve("recovered.token");
        CliRun recover = cli("recovered-Password-2\n", "recover", "--flow", sent.path("data").path("flow").asText(), "--code", code,
                "--password-stdin", "--token-file", token.toString());
        assertEquals(0, recover.exitCode(), recover.toString());
        assertTrue(recover.out().contains("Recovered: signed in with a new session"), recover.toString());
        assertTrue(recover.out().contains("Saved."), recover.toString());
        assertTrue(Files.exists(token));

        CliRun login = cli("recovered-Password-2\n", "login", "--email", email, "--password-stdin");
        assertEquals(0, login.exitCode(), login.toString());
    }
}
