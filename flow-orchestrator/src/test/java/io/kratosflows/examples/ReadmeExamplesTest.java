package io.kratosflows.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.Kratos;
import io.kratosflows.KratosConfig;
import io.kratosflows.session.WhoamiOutcome;
import io.kratosflows.settings.SettingsOutcome;
import io.kratosflows.testing.FakeKratos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's Java examples are these files, line for line, and they work against recorded Kratos
 * answers (the live suite runs the same journeys against a real Kratos).
 */
class ReadmeExamplesTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    @Test
    void quickStartRegistersLogsInChecksWhoamiAndLogsOut() throws Exception {
        try (FakeKratos server = new FakeKratos()) {
            server.respond("registration/create.200.json").respond("registration/submit-password-success.200.json")
                    .respond("login/create.200.json").respond("login/submit-password-success.200.json")
                    .respond("session/whoami.200.json").respond(204, "");

            WhoamiOutcome me = QuickStart.run(server.url(), "ada@example.org", "correct-horse-battery-staple-42");

            assertInstanceOf(WhoamiOutcome.Active.class, me);
            List<String> calls = server.requests().stream().map(r -> r.method() + " " + r.path()).toList();
            assertEquals(List.of("GET /self-service/registration/api", "POST /self-service/registration",
                    "GET /self-service/login/api", "POST /self-service/login", "GET /sessions/whoami",
                    "DELETE /self-service/logout/api"), calls);
        }
    }

    @Test
    void recoveryExampleEndsWithTheNewPasswordSaved() throws Exception {
        try (FakeKratos server = new FakeKratos();
             Kratos kratos = Kratos.connect(KratosConfig.builder().publicUrl(server.url()).build())) {
            server.respond("recovery/create.200.json").respond("recovery/submit-email-code-sent.200.json")
                    .respond("recovery/submit-code-success.200.json").respond("settings/create.200.json")
                    .respond("settings/submit-password-success.200.json");

            SettingsOutcome outcome = RecoverAndChangePassword.run(kratos, "ada@example.org", () -> "123456", "a-new-password-4711");

            assertInstanceOf(SettingsOutcome.Saved.class, outcome);
            String token = server.requests().get(3).header("X-Session-Token");
            assertTrue(token.startsWith("ory_st_"), "the settings flow runs under the recovered session");
            assertEquals(token, server.requests().get(4).header("X-Session-Token"));
        }
    }

    @Test
    void sessionsExampleListsRevokesOneAndRevokesTheOthers() throws Exception {
        try (FakeKratos server = new FakeKratos();
             Kratos kratos = Kratos.connect(KratosConfig.builder().publicUrl(server.url()).build())) {
            server.respond("session/list-mine.200.json").respond(204, "").respond("session/delete-others.200.json");

            var listed = MySessions.run(kratos, io.kratosflows.SessionToken.of("ory_st_x"), "c79b0ce2-3ef8-44bf-a521-6e3d47a40d32");

            assertEquals(3, assertInstanceOf(io.kratosflows.session.SessionListOutcome.Listed.class, listed).page().items().size());
            List<String> calls = server.requests().stream().map(r -> r.method() + " " + r.path()).toList();
            assertEquals(List.of("GET /sessions", "DELETE /sessions/c79b0ce2-3ef8-44bf-a521-6e3d47a40d32", "DELETE /sessions"), calls);
        }
    }

    @Test
    void readmeShowsTheExamplesLineForLine() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        for (String[] example : new String[][] {{"QuickStart.java", "quick-start"}, {"RecoverAndChangePassword.java", "recovery"},
                {"MySessions.java", "sessions"}, {"BackEnd.java", "end-user"}, {"BackEnd.java", "admin"}}) {
            String source = Files.readString(ROOT.resolve("flow-orchestrator/src/test/java/io/kratosflows/examples/" + example[0]));
            String snippet = between(source, "// README:" + example[1] + ":begin\n", "        // README:" + example[1] + ":end");
            assertTrue(readme.contains(dedent(snippet)), "README.md must show " + example[0] + " as:\n" + dedent(snippet));
        }
        long quickStartLines = dedent(between(Files.readString(ROOT.resolve(
                "flow-orchestrator/src/test/java/io/kratosflows/examples/QuickStart.java")),
                "// README:quick-start:begin\n", "        // README:quick-start:end")).lines().count();
        assertTrue(quickStartLines <= 15, "the quick start has " + quickStartLines + " lines");
    }

    private static String between(String text, String begin, String end) {
        int from = text.indexOf(begin) + begin.length();
        return text.substring(from, text.indexOf(end, from));
    }

    private static String dedent(String block) {
        return block.lines().map(l -> l.length() >= 8 ? l.substring(8) : l.strip()).reduce("", (a, b) -> a + b + "\n");
    }
}
