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
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        URI publicReady = kratos.publicUrl().resolve("health/ready");
        URI adminReady = kratos.adminUrl().resolve("admin/health/ready");
        URI unprefixed = kratos.adminUrl().resolve("health/ready");
        assertEquals("127.0.0.1", kratos.publicUrl().getHost());
        assertEquals("127.0.0.1", kratos.adminUrl().getHost());
        assertEquals(200, get(http, publicReady).statusCode(), publicReady.toString());
        assertEquals(200, get(http, adminReady).statusCode(), adminReady.toString());

        // Admin paths without /admin: v26 answers them, earlier releases redirect (see KratosAdmin).
        HttpResponse<String> old = get(http, unprefixed);
        if (kratos.version().isAtLeast(26, 0)) {
            assertEquals(200, old.statusCode(), unprefixed.toString());
        } else {
            assertEquals(307, old.statusCode(), unprefixed.toString());
            assertEquals(adminReady, unprefixed.resolve(old.headers().firstValue("Location")
                    .orElseThrow(() -> new AssertionError("307 without Location"))));
        }
    }

    private static HttpResponse<String> get(HttpClient http, URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void reportsTheVersionOfTheInstalledKratos() {
        assertEquals(InstalledKratos.version(), kratos.version(), "admin API vs 'kratos version'");
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
        if (kratos.version().isLegacyLine()) {
            // v1.x has no registration.style key; one-step registration is this flag.
            assertTrue(yaml.contains("enable_legacy_one_step: true"), yaml);
            assertFalse(yaml.contains("style:"), yaml);
        } else {
            assertTrue(yaml.contains("style: \"unified\""), yaml);
            assertFalse(yaml.contains("enable_legacy_one_step"), yaml);
        }
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
        if (kratos.version().isLegacyLine()) {
            // v1.x templates keep the code out of the subject; the kit reads it from the body.
            assertEquals("Complete your account registration", mail.subject());
            assertTrue(mail.body().contains(code), mail.body());
        } else {
            assertEquals("Use code " + code + " to complete your account registration", mail.subject());
        }
    }

    @Test
    void noCodeMeansAClearAssertionError() {
        String email = newEmail();
        AssertionError error = assertThrows(AssertionError.class,
                () -> kratos.mail().lastCodeFor(email, CodePurpose.LOGIN, Duration.ofMillis(300)));
        assertTrue(error.getMessage().contains(email), error.getMessage());
    }
}
