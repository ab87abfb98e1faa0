package io.kratosflows.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.testing.FakeKratos;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Command-line parsing: global options anywhere, defaults from the environment, one-line usage errors. */
class OptionParsingTest {

    private static KratosFlowsCli parse(Map<String, String> env, String... args) {
        Terminal terminal = Terminal.of(new java.io.ByteArrayInputStream(new byte[0]),
                new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(new java.io.StringWriter()), env);
        CommandLine cmd = KratosFlowsCli.newCommandLine(terminal);
        cmd.parseArgs(args);
        return cmd.getCommand();
    }

    @Test
    void globalOptionsWorkBeforeAndAfterTheCommand() {
        KratosFlowsCli before = parse(Map.of(), "--json", "--timeout", "500ms", "whoami");
        KratosFlowsCli after = parse(Map.of(), "whoami", "--json", "--timeout", "500ms");
        for (KratosFlowsCli cli : new KratosFlowsCli[] {before, after}) {
            assertTrue(cli.json);
            assertEquals(Duration.ofMillis(500), cli.timeout);
        }
    }

    @Test
    void kratosUrlDefaultsToTheEnvironmentThenLoopback() {
        try (CommandContext fromEnv = parse(Map.of("KRATOS_PUBLIC_URL", "http://kratos.test:4433"), "whoami").context("whoami", java.util.Set.of());
                CommandContext fallback = parse(Map.of(), "whoami").context("whoami", java.util.Set.of());
                CommandContext given = parse(Map.of("KRATOS_PUBLIC_URL", "http://kratos.test:4433"),
                        "whoami", "--kratos-url", "https://auth.example.com").context("whoami", java.util.Set.of())) {
            assertEquals("http://kratos.test:4433", fromEnv.publicUrl().toString());
            assertEquals("http://127.0.0.1:4433", fallback.publicUrl().toString());
            assertEquals("https://auth.example.com", given.publicUrl().toString());
            assertTrue(given.adminUrl().isEmpty());
        }
    }

    @Test
    void notInteractiveWithoutAConsoleUnlessAsked() {
        try (CommandContext plain = parse(Map.of(), "login").context("whoami", java.util.Set.of());
                CommandContext forced = parse(Map.of(), "login", "--interactive").context("whoami", java.util.Set.of());
                CommandContext off = parse(Map.of(), "--no-interactive", "login").context("whoami", java.util.Set.of())) {
            assertFalse(plain.interactive());
            assertTrue(forced.interactive());
            assertFalse(off.interactive());
        }
    }

    @Test
    void timeoutAcceptsUnitsAndRejectsNonsense() {
        DurationConverter converter = new DurationConverter();
        assertEquals(Duration.ofSeconds(10), converter.convert("10s"));
        assertEquals(Duration.ofSeconds(7), converter.convert("7"));
        assertEquals(Duration.ofMinutes(2), converter.convert("2m"));
        assertThrows(CommandLine.TypeConversionException.class, () -> converter.convert("soon"));
        assertThrows(CommandLine.TypeConversionException.class, () -> converter.convert("0s"));

        CliRun bad = CliRun.run("whoami", "--timeout", "soon");
        assertEquals(2, bad.exitCode(), bad.toString());
        assertEquals(1, bad.errLines().size(), bad.toString());
    }

    @Test
    void unknownCommandIsOneLineAndExitCode2() {
        CliRun run = CliRun.run("frobnicate");
        assertEquals(ExitCode.INVALID_INPUT.code(), run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().contains("unknown command 'frobnicate'"), run.toString());
        assertFalse(run.err().contains("\tat "), "no stack trace");
    }

    @Test
    void unknownOptionIsOneLineAndExitCode2() {
        CliRun run = CliRun.run("login", "--pasword", "x");
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().contains("unknown option '--pasword'"), run.toString());
    }

    @Test
    void badUrlIsInvalidInput() {
        for (String url : new String[] {"not a url", "ftp://example.com", "http://user:pw@example.com"}) {
            CliRun run = CliRun.run("", Map.of("KRATOS_SESSION_TOKEN", "t"), "whoami", "--kratos-url", url);
            assertEquals(2, run.exitCode(), run.toString());
            assertEquals(1, run.errLines().size(), run.toString());
            assertFalse(run.err().contains("pw@"), "credentials in a URL are not repeated");
        }
    }

    @Test
    void missingCommandPointsAtTheDemo() {
        CliRun run = CliRun.run();
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("kratos-flows demo"), run.toString());
    }

    @Test
    void helpListsCommandsAndExitCodes() {
        CliRun run = CliRun.run("--help");
        assertEquals(0, run.exitCode(), run.toString());
        for (String command : new String[] {"demo", "register", "login", "settings", "recover", "verify", "whoami",
            "logout", "token-exchange", "flows"}) {
            assertTrue(run.out().contains(command), command + " in\n" + run.out());
        }
        for (ExitCode code : ExitCode.values()) {
            assertTrue(run.out().contains(code.code() + "  " + code.meaning()), code + " in\n" + run.out());
        }
        CliRun sub = CliRun.run("login", "--help");
        assertTrue(sub.out().contains("--password-stdin") && sub.out().contains("Exit codes:"), sub.out());
    }

    @Test
    void nonInteractiveLoginWithoutInputIsInvalidInputBeforeAnyRequest() throws Exception {
        try (FakeKratos kratos = new FakeKratos()) {
            kratos.respond("login/create.200.json");
            CliRun run = CliRun.run("login", "--kratos-url", kratos.url(), "--email", "ada@example.org");
            assertEquals(2, run.exitCode(), run.toString());
            assertTrue(run.err().contains("--method"), run.toString());
            assertEquals(1, kratos.requests().size(), "only the flow was started");
        }
    }

    @Test
    void aRunBuildsOnlyTheCommandItRuns() {
        assertEquals(java.util.Set.of("whoami"), KratosFlowsCli.needed("--kratos-url", "http://x", "--json", "whoami", "-v"));
        assertEquals(java.util.Set.of("flows"), KratosFlowsCli.needed("--timeout=2s", "flows", "show", "id"));
        assertEquals(java.util.Set.of(), KratosFlowsCli.needed("--version"));
        java.util.Set<String> all = KratosFlowsCli.needed();
        assertTrue(all.containsAll(java.util.List.of("demo", "login", "whoami", "completion", "help")), all.toString());
        for (String[] args : new String[][] {{"--help"}, {"help", "login"}, {"completion"}, {"frobnicate"},
            {"--version", "--help"}, {"--", "login"}}) {
            assertEquals(all, KratosFlowsCli.needed(args), java.util.Arrays.toString(args));
        }
        CliRun unknown = CliRun.run("whoam");
        assertTrue(unknown.err().contains("unknown command 'whoam'"), unknown.toString());
    }
}
