package io.kratosflows.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.testkit.CodePurpose;
import io.kratosflows.testkit.KratosServer;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Interactive runs against a real Kratos, answered through standard input (no console: the path
 * that reads prompts' answers as lines), including an answer that only exists after Kratos mailed it.
 */
class InteractiveIT {

    @RegisterExtension
    static final KratosServer kratos = KratosServer.defaults();

    @Test
    void registerPromptsForTheFormThenVerifiesWithTheMailedCode() throws Exception {
        String email = "tty-" + UUID.randomUUID() + "@example.org";
        PipedOutputStream answers = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(answers, 4096);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Terminal terminal = Terminal.of(stdin, new PrintWriter(out, true), new PrintWriter(err, true),
                Map.of("KRATOS_PUBLIC_URL", kratos.publicUrl().toString(), "PATH", "/nonexistent"));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> KratosFlowsCli.newCommandLine(terminal).execute("register", "--interactive"));

        // E-Mail, First name, Last name (optional: blank), method, password
        answers.write((email + "\nGrace\n\npassword\nan-interactive-Password-9\n").getBytes(StandardCharsets.UTF_8));
        answers.flush();
        String code = kratos.mail().lastCodeFor(email, CodePurpose.VERIFICATION, Duration.ofSeconds(20));
        answers.write((code + "\n").getBytes(StandardCharsets.UTF_8));
        answers.close();

        int status = exit.get(60, TimeUnit.SECONDS);
        String transcript = out + "\n--- err ---\n" + err;
        assertEquals(0, status, transcript);
        assertTrue(transcript.contains("E-Mail: "), transcript);
        assertTrue(transcript.contains("First name: "), transcript);
        assertTrue(transcript.contains("How do you want to sign up:"), transcript);
        assertTrue(transcript.contains("Sign up (password)"), transcript);
        assertTrue(transcript.contains("Sign up with github"), transcript);
        assertTrue(transcript.contains("Registered: " + email), transcript);
        assertTrue(transcript.contains("Verification code from the email (blank to verify later): "), transcript);
        assertTrue(transcript.contains("[success 1080002]"), transcript);
        assertTrue(transcript.contains("Verified."), transcript);
        assertFalse(transcript.contains("an-interactive-Password-9"), "the password is never echoed");
        assertEquals("Grace", kratos.admin().getIdentity(idOf(transcript)).path("traits").path("name")
                .path("first").asText());
    }

    @Test
    void loginRetriesAfterAWrongPassword() {
        String email = "tty-" + UUID.randomUUID() + "@example.org";
        kratos.admin().createIdentity(email, "the-right-Password-1");
        CliRun run = CliRun.run("password\n" + email + "\nthe-wrong-password\nthe-right-Password-1\n",
                Map.of("KRATOS_PUBLIC_URL", kratos.publicUrl().toString()), "login", "-i");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("[error 4000006]"), run.toString());
        assertEquals(2, run.out().split("Password: ", -1).length - 1, "asked twice:\n" + run);
        assertTrue(run.out().contains("Signed in: " + email), run.toString());
    }

    private static String idOf(String transcript) {
        int at = transcript.indexOf("(identity ") + "(identity ".length();
        return transcript.substring(at, transcript.indexOf(')', at));
    }
}
