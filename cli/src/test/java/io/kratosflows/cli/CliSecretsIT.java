package io.kratosflows.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kratosflows.testkit.CodePurpose;
import io.kratosflows.testkit.KratosServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * #13 secrets, the CLI's half: every command of a journey with {@code --verbose} (each request on
 * stderr) and again with {@code --json}, wrong and right passwords and codes, recovery and token
 * exchange. Neither standard output nor standard error of any run may hold a password, a code or a
 * session token (tokens go to mode-0600 files only).
 */
class CliSecretsIT {

    @RegisterExtension
    static final KratosServer kratos = KratosServer.defaults();

    private static final Duration MAIL = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final List<CliRun> runs = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>();

    private CliRun cli(String stdin, String... args) {
        CliRun run = CliRun.run(stdin, Map.of("KRATOS_PUBLIC_URL", kratos.publicUrl().toString()), args);
        runs.add(run);
        return run;
    }

    @Test
    void noCommandPrintsASecretWithVerboseOrJson() throws Exception {
        for (String mode : new String[] {"--verbose", "--json"}) {
            String email = "cli-secrets-" + UUID.randomUUID() + "@example.org";
            String password = "Secret-Pw-" + UUID.randomUUID();
            String newPassword = "Secret-Pw2-" + UUID.randomUUID();
            String wrong = "Secret-Wrong-" + UUID.randomUUID();
            secrets.addAll(List.of(password, newPassword, wrong));
            Path token = dir.resolve("session" + mode + ".token");

            CliRun register = cli(password + "\n", "register", "--email", email, "--password-stdin", "--token-file", token.toString(),
                    mode);
            assertEquals(0, register.exitCode(), register.toString());
            secrets.add(Files.readString(token).strip());
            String verificationCode = kratos.mail().lastCodeFor(email, CodePurpose.VERIFICATION, MAIL);
            secrets.add(verificationCode);
            String verificationFlow = "--json".equals(mode) ? JSON.readTree(register.out()).path("data").path("verification_flow").asText() : null;
            if (verificationFlow != null) {
                cli("", "verify", "--flow", verificationFlow, "--code", "000000", mode);
                assertEquals(0, cli("", "verify", "--flow", verificationFlow, "--code", verificationCode, mode).exitCode());
            }

            assertEquals(3, cli(wrong + "\n", "login", "--email", email, "--password-stdin", mode).exitCode());
            assertEquals(0, cli(password + "\n", "login", "--email", email, "--password-stdin", "--token-file", token.toString(),
                    mode).exitCode());
            secrets.add(Files.readString(token).strip());
            assertEquals(0, cli("", "whoami", "--token-file", token.toString(), mode).exitCode());
            assertEquals(0, cli(newPassword + "\n", "settings", "--token-file", token.toString(), "--method", "password",
                    "--password-stdin", mode).exitCode());

            CliRun recover = cli("", "recover", "--email", email, "--json");
            String flow = JSON.readTree(recover.out()).path("data").path("flow").asText();
            String code = kratos.mail().lastCodeFor(email, CodePurpose.RECOVERY, MAIL);
            secrets.add(code);
            Path recovered = dir.resolve("recovered" + mode + ".token");
            assertEquals(0, cli(password + "\n", "recover", "--flow", flow, "--code", code, "--password-stdin", "--token-file",
                    recovered.toString(), mode).exitCode());
            secrets.add(Files.readString(recovered).strip());

            String initCode = "Secret-Init-" + UUID.randomUUID();
            String returnToCode = "Secret-Rtc-" + UUID.randomUUID();
            secrets.addAll(List.of(initCode, returnToCode));
            Path codeFile = dir.resolve("exchange" + mode + ".txt");
            Files.writeString(codeFile, initCode + "\n");
            cli("", "token-exchange", "--exchange-code-file", codeFile.toString(), "--return-to-code", returnToCode, mode);

            assertEquals(0, cli("", "logout", "--token-file", recovered.toString(), mode).exitCode());
            assertEquals(0, cli("", "logout", "--token-file", token.toString(), mode).exitCode());
        }
        List<String> leaks = new ArrayList<>();
        for (CliRun run : runs) {
            for (String secret : secrets) {
                if (run.all().contains(secret)) {
                    leaks.add("a secret in the output of " + run);
                }
            }
        }
        assertTrue(leaks.isEmpty(), String.join("\n", leaks));
        assertTrue(runs.stream().anyMatch(r -> r.err().contains("POST /self-service/login?flow=")), "--verbose traced the requests");
        System.out.println(runs.size() + " CLI runs, " + secrets.size() + " secrets, none printed");
    }
}
