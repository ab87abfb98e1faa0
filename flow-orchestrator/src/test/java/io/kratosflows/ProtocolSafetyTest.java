package io.kratosflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.kratosflows.error.KratosTransportException;
import io.kratosflows.login.LoginFlow;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.testing.ChildJvm;
import io.kratosflows.testing.FaultServer;
import io.kratosflows.testing.RecordedResponses;
import io.kratosflows.testing.Samples;
import io.kratosflows.ui.Ui;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * #13 protocol safety: {@code X-Session-Token} goes only to the configured Kratos (not to a flow's
 * {@code ui.action} elsewhere, not along a redirect, not even through a caller's own client that
 * follows redirects), and TLS verifies the host name by default while a custom trust store works.
 */
class ProtocolSafetyTest {

    private static final String TOKEN = "ory_st_OnlyForKratos";

    @Test
    void theTokenGoesOnlyToTheConfiguredKratosNeverToUiActionOrARedirect() throws Exception {
        try (FaultServer elsewhere = new FaultServer(FaultServer.bytes(FaultServer.json(200, "{}")));
             FaultServer kratos = new FaultServer(FaultServer.bytes(FaultServer.json(303, "", "Location: " + elsewhere.url()
                     + "/self-service/login?flow=1")));
             Kratos client = Kratos.connect(KratosConfig.builder().publicUrl(kratos.url()).build())) {
            LoginFlow flow = new LoginFlow(Samples.ID, "api", Optional.empty(), true, Aal.AAL1, Optional.empty(), Optional.empty(),
                    new Ui(elsewhere.url() + "/self-service/login?flow=" + Samples.ID, "POST", List.of(), List.of()),
                    Optional.empty(), Optional.empty(), Optional.of(SessionToken.of(TOKEN)));

            LoginOutcome outcome = client.login().submit(flow, new LoginMethod.Password("ada@example.org", Secret.of("pw-123456789")));

            assertInstanceOf(LoginOutcome.BrowserRequired.class, outcome);
            assertEquals(TOKEN, kratos.requests().get(0).header("X-Session-Token"));
            assertEquals(0, elsewhere.requests().size(), "nothing went to the other origin");
        }
    }

    @Test
    void aCallersOwnClientThatFollowsRedirectsDoesNotFollowThemForUs() throws Exception {
        try (FaultServer elsewhere = new FaultServer(FaultServer.bytes(FaultServer.json(200, "{}")));
             FaultServer kratos = new FaultServer(FaultServer.bytes(FaultServer.json(307, "", "Location: " + elsewhere.url() + "/x")));
             var own = HttpClients.createDefault();
             Kratos client = Kratos.connect(KratosConfig.builder().publicUrl(kratos.url()).httpClient(own).build())) {
            assertThrows(RuntimeException.class, () -> client.sessions().whoami(SessionToken.of(TOKEN)));

            assertEquals(0, elsewhere.requests().size());
            assertNull(kratos.requests().get(0).header("Cookie"));
            assertNull(kratos.requests().get(0).header("Origin"));
        }
    }

    @Test
    void tlsRefusesAServerWhoseCertificateNamesAnotherHostEvenWhenTrusted(@TempDir Path dir) throws Exception {
        KeyStore wrongName = certificate(dir, "wrong", "dns:kratos.example.org");
        HttpsServer server = https(wrongName);
        try (Kratos kratos = Kratos.connect(KratosConfig.builder().publicUrl("https://127.0.0.1:" + server.getAddress().getPort())
                .sslContext(trusting(wrongName)).build())) {

            var refused = assertThrows(KratosTransportException.class, () -> kratos.login().start());

            assertTrue(refused.getCause() instanceof javax.net.ssl.SSLException, String.valueOf(refused.getCause()));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void tlsWorksWithACustomTrustStoreAndRefusesAnUnknownIssuerByDefault(@TempDir Path dir) throws Exception {
        KeyStore right = certificate(dir, "right", "ip:127.0.0.1");
        HttpsServer server = https(right);
        String url = "https://127.0.0.1:" + server.getAddress().getPort();
        try (Kratos trusting = Kratos.connect(KratosConfig.builder().publicUrl(url).sslContext(trusting(right)).build());
             Kratos byDefault = Kratos.connect(KratosConfig.builder().publicUrl(url).build())) {

            assertEquals("api", trusting.login().start().type());
            var refused = assertThrows(KratosTransportException.class, () -> byDefault.login().start());
            assertTrue(refused.getCause() instanceof javax.net.ssl.SSLException, String.valueOf(refused.getCause()));
        } finally {
            server.stop(0);
        }
    }

    /** A self-signed certificate for the given subject alternative name, made by the JDK's keytool. */
    private static KeyStore certificate(Path dir, String alias, String san) throws Exception {
        Path store = dir.resolve(alias + ".p12");
        Path keytool = ChildJvm.currentJava().resolveSibling("keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", "CN=" + alias, "-ext", "SAN=" + san, "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, output);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        return keys;
    }

    private static SSLContext trusting(KeyStore keys) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        String alias = keys.aliases().nextElement();
        Certificate certificate = keys.getCertificate(alias);
        trust.setCertificateEntry(alias, certificate);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    private static HttpsServer https(KeyStore keys) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        byte[] flow = RecordedResponses.body("login/create.200.json").getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, flow.length);
            exchange.getResponseBody().write(flow);
            exchange.close();
        });
        server.start();
        return server;
    }
}
