package io.kratosflows.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.Kratos;
import io.kratosflows.KratosConfig;
import io.kratosflows.SessionToken;
import io.kratosflows.session.WhoamiOutcome;
import io.kratosflows.testkit.KratosServer;
import io.kratosflows.testkit.OidcTestProvider;
import io.kratosflows.testkit.ScriptedBrowser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kratos-flows login --method oidc} completing the ceremony as on a desktop, against a real
 * Kratos and the test kit's OpenID Connect provider: the command listens on a loopback port, prints
 * the URL; a scripted browser (standing in for the user's) signs in and is redirected to the
 * command's receiver; the command exchanges the codes and writes the token.
 */
class DesktopSocialSignInIT {

    /** Kratos compares the return URL's port, so the receiver's port is fixed before Kratos starts. */
    private static final int PORT = freePort();
    private static final Pattern URL = Pattern.compile("open (http://\\S+)");

    @RegisterExtension
    @Order(1)
    static final OidcTestProvider PROVIDER = OidcTestProvider.start();
    @RegisterExtension
    @Order(2)
    static final KratosServer KRATOS = KratosServer.builder().name("cli-oidc").oidcProvider("test", PROVIDER)
            .allowReturnUrl("http://127.0.0.1:" + PORT + "/callback").build();

    @TempDir
    Path dir;

    @Test
    void signsInThroughTheBrowserAndWritesTheToken() throws Exception {
        String email = "cli-social-" + UUID.randomUUID() + "@example.org";
        Path tokenFile = dir.resolve("session.token");
        PROVIDER.answerNext(OidcTestProvider.Answer.signIn(OidcTestProvider.User.of("cli-" + UUID.randomUUID(), email)));

        Running cli = Running.start("login", "--kratos-url", KRATOS.publicUrl().toString(), "--method", "oidc",
                "--provider", "test", "--callback-port", Integer.toString(PORT), "--no-open",
                "--browser-timeout", "30s", "--token-file", tokenFile.toString());
        String url = cli.awaitUrl();
        ScriptedBrowser.Result page = ScriptedBrowser.stoppingAt("http://127.0.0.1:4455/").open(url);
        CliRun run = cli.finish();

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(page.url().toString().startsWith("http://127.0.0.1:" + PORT + "/callback?code="), page.toString());
        assertEquals(200, page.status().orElseThrow(), "the receiver answers the browser");
        assertTrue(page.body().contains("You can close this window"));
        assertTrue(run.out().contains("Signed in:"), run.toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)));
        SessionToken token = SessionToken.of(Files.readString(tokenFile).strip());
        assertFalse(run.all().contains(token.reveal()), "the token is never printed");
        try (Kratos kratos = Kratos.connect(KratosConfig.builder().publicUrl(KRATOS.publicUrl().toString()).build())) {
            var me = (WhoamiOutcome.Active) kratos.sessions().whoami(token);
            assertEquals(email, me.session().identity().orElseThrow().traits().text("email").orElseThrow());
        }
    }

    @Test
    void aProviderErrorEndsWithExitCode3AndKratossReason() throws Exception {
        PROVIDER.answerNext(OidcTestProvider.Answer.error("access_denied", "The user declined"));

        Running cli = Running.start("login", "--kratos-url", KRATOS.publicUrl().toString(), "--method", "oidc",
                "--provider", "test", "--callback-port", Integer.toString(PORT), "--no-open", "--browser-timeout", "30s");
        ScriptedBrowser.stoppingAt("http://127.0.0.1:4455/").open(cli.awaitUrl());
        CliRun run = cli.finish();

        assertEquals(3, run.exitCode(), run.toString());
        assertTrue(run.err().contains("access_denied"), run.toString());
    }

    @Test
    void aReturnUrlKratosDoesNotAllowIsAUsageErrorThatSaysWhatToConfigure() {
        int other = freePort();
        CliRun run = CliRun.run("", Map.of(), "login", "--kratos-url", KRATOS.publicUrl().toString(), "--method", "oidc",
                "--provider", "test", "--callback-port", Integer.toString(other), "--no-open");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("selfservice.allowed_return_urls"), run.toString());
        assertTrue(run.err().contains("http://127.0.0.1:" + other + "/callback"), run.toString());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CLI running in the background, its output readable while it runs. */
    private record Running(CompletableFuture<Integer> exit, StringBuffer out, StringBuffer err) {

        static Running start(String... args) {
            StringBuffer out = new StringBuffer();
            StringBuffer err = new StringBuffer();
            Terminal terminal = Terminal.of(new ByteArrayInputStream(new byte[0]), new PrintWriter(into(out), true),
                    new PrintWriter(into(err), true), Map.of("PATH", "/nonexistent-for-tests"));
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                    () -> KratosFlowsCli.newCommandLine(terminal).execute(args));
            return new Running(exit, out, err);
        }

        String awaitUrl() throws InterruptedException {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            while (Instant.now().isBefore(deadline)) {
                Matcher m = URL.matcher(out);
                if (m.find()) {
                    return m.group(1);
                }
                if (exit.isDone()) {
                    break;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("the CLI printed no sign-in URL:\n" + out + "\n" + err);
        }

        CliRun finish() throws Exception {
            int code = exit.get(30, TimeUnit.SECONDS);
            return new CliRun(code, out.toString(), err.toString());
        }

        private static Writer into(StringBuffer buffer) {
            return new Writer() {
                @Override
                public void write(char[] chars, int off, int len) {
                    buffer.append(chars, off, len);
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
