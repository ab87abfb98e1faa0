package io.kratosflows.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The default profile against the real Kratos: start, admin calls, mail over SMTP. */
class KratosServerIT {

    @RegisterExtension
    static final KratosServer kratos = KratosServer.defaults();

    /** The same configuration again: must be the same running instance, not a second Kratos. */
    @RegisterExtension
    static final KratosServer sameConfig = KratosServer.defaults();

    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(15);

    private static String newEmail() {
        return "kit-" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void publicAndAdminApisAreReadyOnLoopback() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (URI base : List.of(kratos.publicUrl(), kratos.adminUrl())) {
            assertEquals("127.0.0.1", base.getHost());
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(base.resolve("health/ready"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ready.statusCode(), base + " health/ready");
        }
    }

    @Test
    void reportsTheVersionOfTheInstalledKratos() {
        assertEquals("v26.2.0", kratos.version().text());
        assertEquals(kratos.version(), kratos.admin().version());
    }

    @Test
    void sameConfigurationSharesOneInstance() {
        assertEquals(kratos.publicUrl(), sameConfig.publicUrl());
        assertEquals(kratos.logFile(), sameConfig.logFile());
    }

    @Test
    void writesConfigAndLogIntoTheInstanceFolder() throws Exception {
        Path log = kratos.logFile().orElseThrow();
        assertTrue(log.startsWith(Path.of(System.getProperty("user.dir"), "target", "kratos-testkit")
                .toAbsolutePath()), log.toString());
        Path config = log.resolveSibling("config").resolve("kratos.yml");
        String yaml = Files.readString(config);
        assertTrue(yaml.contains("style: \"unified\""), yaml);
        assertTrue(yaml.contains("port: " + kratos.publicUrl().getPort()), yaml);
        assertTrue(Files.exists(log.resolveSibling("config").resolve("identity.schema.json")));
        assertTrue(Files.readString(log).contains("running migrations"),
                "memory DSN migrates at start");
    }

    @Test
    void createsReadsAndDeletesAnIdentity() {
        String email = newEmail();
        String id = kratos.admin().createIdentity(email, "a-long-test-password-1");

        JsonNode identity = kratos.admin().getIdentity(id);
        assertEquals(email, identity.path("traits").path("email").asText());
        assertTrue(identity.path("verifiable_addresses").get(0).path("verified").asBoolean());
        assertTrue(identity.path("credentials").has("password"));
        assertTrue(kratos.admin().listSessions(id).isArray());

        kratos.admin().deleteIdentity(id);
        KratosAdminException gone = assertThrows(KratosAdminException.class,
                () -> kratos.admin().getIdentity(id));
        assertEquals(404, gone.status());
    }

    @Test
    void duplicateIdentityFailsWithStatusAndBodyButNoPassword() {
        String email = newEmail();
        kratos.admin().createIdentity(email, "first-secret-password-1");
        KratosAdminException conflict = assertThrows(KratosAdminException.class,
                () -> kratos.admin().createIdentity(email, "second-secret-password-2"));
        assertEquals(409, conflict.status());
        assertTrue(conflict.getMessage().contains("409"), conflict.getMessage());
        assertFalse(conflict.getMessage().contains("second-secret-password-2"));
    }

    @Test
    void recoveryCodeArrivesOverSmtp() {
        String email = newEmail();
        kratos.admin().createIdentity(email, "a-long-test-password-1");

        NativeFlows.Answer sent = new NativeFlows(kratos.publicUrl()).requestRecoveryCode(email);
        assertEquals("sent_email", sent.body().path("state").asText(), sent.toString());

        String code = kratos.mail().lastCodeFor(email, CodePurpose.RECOVERY, MAIL_TIMEOUT);
        assertTrue(code.matches("\\d{6}"), code);
        List<MailMessage> messages = kratos.mail().messagesFor(email);
        assertEquals(MailMessage.Source.SMTP, messages.get(messages.size() - 1).source(),
                "delivered by Kratos's courier to the SMTP sink");
        assertTrue(kratos.mail().smtpPort().isPresent());

        List<CourierMessage> queued = kratos.admin().courierMessages(email);
        assertEquals(1, queued.size());
        assertEquals(code, queued.get(0).toMailMessage().code().orElseThrow());
    }

    @Test
    void registrationCodeArrivesOverSmtp() {
        String email = newEmail();
        NativeFlows.Answer sent = new NativeFlows(kratos.publicUrl()).requestRegistrationCode(email);
        assertEquals(400, sent.status(), "code sent is an intermediate step: 400 with the flow");
        assertEquals("sent_email", sent.body().path("state").asText(), sent.toString());

        String code = kratos.mail().lastCodeFor(email, CodePurpose.REGISTRATION, MAIL_TIMEOUT);
        assertTrue(code.matches("\\d{6}"), code);
        assertEquals(code, kratos.mail().lastCodeFor(email, MAIL_TIMEOUT));
        MailMessage mail = kratos.mail().messagesFor(email).get(0);
        assertSame(MailMessage.Source.SMTP, mail.source());
        assertTrue(mail.subject().contains("complete your account registration"), mail.subject());
    }

    @Test
    void noCodeMeansAClearAssertionError() {
        String email = newEmail();
        AssertionError error = assertThrows(AssertionError.class,
                () -> kratos.mail().lastCodeFor(email, CodePurpose.LOGIN, Duration.ofMillis(300)));
        assertTrue(error.getMessage().contains(email), error.getMessage());
    }
}
