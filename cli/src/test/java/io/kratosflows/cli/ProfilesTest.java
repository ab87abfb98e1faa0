package io.kratosflows.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.testing.FakeKratos;
import io.kratosflows.testing.RecordedResponses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The configuration file's profiles and the default token file: each value from the option, else
 * the environment, else the profile, else the default; tokens kept per profile under
 * {@code $XDG_STATE_HOME/kratos-flows/tokens/}.
 */
class ProfilesTest {

    private static final String TOKEN = token();

    @TempDir
    Path home;

    private static String token() {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(RecordedResponses.body("login/submit-password-success.200.json")).path("session_token").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of("HOME", home.toString()));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private Path config(String text) throws Exception {
        Path file = home.resolve(".config/kratos-flows/config.properties");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private CommandContext context(Map<String, String> env, String... args) {
        Terminal terminal = Terminal.of(new java.io.ByteArrayInputStream(new byte[0]),
                new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(new java.io.StringWriter()), env);
        CommandLine cmd = KratosFlowsCli.newCommandLine(terminal);
        cmd.parseArgs(args);
        return ((KratosFlowsCli) cmd.getCommand()).context("whoami", Set.of());
    }

    @Test
    void optionOverEnvironmentOverProfileOverDefault() throws Exception {
        config("""
                kratos-url=http://default.test:4433
                timeout=3s
                staging.kratos-url=https://auth.staging.test
                staging.admin-url=https://admin.staging.test
                staging.timeout=20s
                """);
        try (CommandContext plain = context(env(), "whoami");
                CommandContext staging = context(env(), "whoami", "--profile", "staging");
                CommandContext fromEnv = context(env("KRATOS_PUBLIC_URL", "http://env.test", "KRATOS_FLOWS_PROFILE", "staging"),
                        "whoami");
                CommandContext fromOption = context(env("KRATOS_PUBLIC_URL", "http://env.test"), "whoami", "--profile",
                        "staging", "--kratos-url", "http://option.test", "--timeout", "1s")) {
            assertEquals("http://default.test:4433", plain.publicUrl().toString());
            assertEquals(Duration.ofSeconds(3), plain.timeout());
            assertTrue(plain.adminUrl().isEmpty());
            assertEquals("https://auth.staging.test", staging.publicUrl().toString());
            assertEquals("https://admin.staging.test", staging.adminUrl().orElseThrow().toString());
            assertEquals(Duration.ofSeconds(20), staging.timeout());
            assertEquals("http://env.test", fromEnv.publicUrl().toString(), "the environment over the profile");
            assertEquals("https://admin.staging.test", fromEnv.adminUrl().orElseThrow().toString(), "$KRATOS_FLOWS_PROFILE");
            assertEquals("http://option.test", fromOption.publicUrl().toString(), "the option over everything");
            assertEquals(Duration.ofSeconds(1), fromOption.timeout());
        }
        try (CommandContext none = context(Map.of(), "whoami")) {
            assertEquals(KratosFlowsCli.DEFAULT_PUBLIC_URL, none.publicUrl().toString(), "no home, no file: the default");
            assertEquals(KratosFlowsCli.DEFAULT_TIMEOUT, none.timeout());
            assertTrue(none.profileTokenFile().isEmpty());
        }
    }

    @Test
    void theFileCanNameTheProfileAndLiveElsewhere() throws Exception {
        Path file = Files.writeString(home.resolve("kf.properties"), "profile=prod\nprod.kratos-url=https://auth.prod.test\n");
        try (CommandContext ctx = context(env("KRATOS_FLOWS_CONFIG", file.toString()), "whoami")) {
            assertEquals("https://auth.prod.test", ctx.publicUrl().toString());
            assertEquals(home.resolve(".local/state/kratos-flows/tokens/prod"), ctx.profileTokenFile().orElseThrow());
        }
    }

    @Test
    void anUnknownProfileOrKeyIsOneLineAndExit2() throws Exception {
        config("staging.kratos-url=https://auth.staging.test\nstaging.kratos_url=typo\n");
        CliRun typo = CliRun.run("", env(), "whoami");
        assertEquals(2, typo.exitCode(), typo.toString());
        assertEquals(1, typo.errLines().size(), typo.toString());
        assertTrue(typo.err().contains("unknown key 'staging.kratos_url'"), typo.toString());

        config("staging.kratos-url=https://auth.staging.test\n");
        CliRun unknown = CliRun.run("", env(), "whoami", "--profile", "prod");
        assertEquals(2, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().contains("no profile 'prod'") && unknown.err().contains("profiles: staging"), unknown.toString());

        config("kratos-url=ftp://nope\n");
        CliRun badUrl = CliRun.run("", env("KRATOS_SESSION_TOKEN", "t"), "whoami");
        assertEquals(2, badUrl.exitCode(), badUrl.toString());
        assertTrue(badUrl.err().contains("kratos-url of profile 'default'"), badUrl.toString());
    }

    @Test
    void loginKeepsTheTokenInTheProfilesFileAndWhoamiAndLogoutUseIt() throws Exception {
        Path state = home.resolve("state");
        try (FakeKratos kratos = new FakeKratos()) {
            config("staging.kratos-url=" + kratos.url() + "\n");
            Map<String, String> env = env("XDG_STATE_HOME", state.toString());
            kratos.respond("login/create.200.json").respond("login/submit-password-success.200.json")
                    .respond("session/whoami.200.json").respond(204, "");
            CliRun login = CliRun.run("pw\n", env, "login", "--profile", "staging", "--email", "a@b.org", "--password-stdin");
            Path token = state.resolve("kratos-flows/tokens/staging");
            assertEquals(0, login.exitCode(), login.toString());
            assertTrue(login.out().contains("session token written to " + token + " (mode 0600)"), login.toString());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(token)));
            assertFalse(login.all().contains(TOKEN), login.toString());

            CliRun whoami = CliRun.run("", env, "whoami", "--profile", "staging");
            assertEquals(0, whoami.exitCode(), whoami.toString());
            CliRun logout = CliRun.run("", env, "logout", "--profile", "staging");
            assertEquals(0, logout.exitCode(), logout.toString());
            assertFalse(Files.exists(token), "the revoked session's file is deleted");
            assertTrue(kratos.requests().get(2).pathAndQuery().startsWith("/sessions/whoami"), kratos.requests().toString());
        }
        CliRun after = CliRun.run("", env("XDG_STATE_HOME", state.toString()), "whoami", "--kratos-url", "http://127.0.0.1:1");
        assertEquals(3, after.exitCode(), after.toString());
        assertTrue(after.err().contains("not signed in") && after.err().contains("tokens/default does not exist"),
                after.toString());
    }

    @Test
    void printTokenWritesNoFile() throws Exception {
        try (FakeKratos kratos = new FakeKratos()) {
            kratos.respond("login/create.200.json").respond("login/submit-password-success.200.json");
            CliRun run = CliRun.run("pw\n", env(), "login", "--kratos-url", kratos.url(), "--email", "a@b.org",
                    "--password-stdin", "--print-token", "--quiet");
            assertEquals(0, run.exitCode(), run.toString());
            assertEquals(TOKEN, run.out().strip());
            assertFalse(Files.exists(home.resolve(".local/state/kratos-flows/tokens/default")));
        }
    }
}
