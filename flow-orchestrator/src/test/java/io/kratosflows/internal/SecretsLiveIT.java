package io.kratosflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import io.kratosflows.Kratos;
import io.kratosflows.KratosConfig;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.Traits;
import io.kratosflows.login.LoginFlow;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOptions;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.recovery.RecoveryFlow;
import io.kratosflows.recovery.RecoveryMethod;
import io.kratosflows.recovery.RecoveryOutcome;
import io.kratosflows.registration.RegistrationMethod;
import io.kratosflows.registration.RegistrationOutcome;
import io.kratosflows.settings.SettingsFlow;
import io.kratosflows.settings.SettingsMethod;
import io.kratosflows.settings.SettingsOutcome;
import io.kratosflows.testkit.CodePurpose;
import io.kratosflows.testkit.KratosServer;
import io.kratosflows.testkit.Totp;
import io.kratosflows.verification.VerificationFlow;
import io.kratosflows.verification.VerificationMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * #13 secrets: every flow through a real Kratos with logging at DEBUG, every outcome, flow and
 * exception rendered, all log output captured; then every password, code, lookup code, TOTP secret,
 * session token and token-exchange code sent or received is looked for in what was captured.
 *
 * <p>(The test kit's SMTP sink, standing in for a mail server, stays at INFO: it logs the mails.)
 * With everything at DEBUG, HttpClient's own loggers print headers, request lines and bodies:
 * that cannot be made safe, so the test asserts that kratos-flows warned once and that every line
 * holding a secret is HttpClient's. With everything at DEBUG but {@code org.apache.hc} at INFO
 * nothing holds a secret, and the library turned no HttpClient logger on.
 */
class SecretsLiveIT {

    @RegisterExtension
    static final KratosServer SERVER = KratosServer.defaults();

    private static final Duration CODE_WAIT = Duration.ofSeconds(15);

    /** Everything printed: log lines (logger name first) and rendered values. */
    private final List<String> printed = new CopyOnWriteArrayList<>();
    /** Every secret seen on the way. */
    private final Set<String> secrets = new java.util.concurrent.CopyOnWriteArraySet<>();

    @Test
    void nothingButHttpClientsOwnDebugLoggersEverPrintsASecret() throws Exception {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.classic.Logger httpClient = logging.getLogger("org.apache.hc");
        // The test kit's SMTP sink stands in for the user's mail server; it logs the mails (with their codes) at DEBUG.
        ch.qos.logback.classic.Logger mailSink = logging.getLogger("com.icegreen");
        mailSink.setLevel(Level.INFO);
        Level rootLevel = root.getLevel();
        List<Appender<ILoggingEvent>> detached = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            detached.add(it.next());
        }
        detached.forEach(root::detachAppender); // the console would print megabytes of DEBUG
        AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                printed.add(event.getLoggerName() + " " + event.getLevel() + " " + event.getFormattedMessage()
                        + (event.getThrowableProxy() == null ? "" : " " + ThrowableProxyUtil.asString(event.getThrowableProxy())));
            }
        };
        capture.setContext(logging);
        capture.start();
        root.addAppender(capture);
        try {
            // 1. A careless production configuration: everything at DEBUG, HttpClient's wire logger included.
            root.setLevel(Level.DEBUG);
            runEveryFlow();
            List<String> leaking = linesWithSecrets();
            assertFalse(leaking.isEmpty(), "HttpClient's DEBUG logging prints secrets: the test sees what it must");
            for (String line : leaking) {
                assertTrue(line.startsWith("org.apache.hc."), "a secret outside HttpClient's own loggers: " + line);
            }
            assertEquals(1, printed.stream().filter(l -> l.startsWith(HttpClientLogging.LOGGER + " WARN Apache HttpClient logs at DEBUG"))
                    .count(), "the library warned, once");
            System.out.println("DEBUG everywhere: " + printed.size() + " lines captured, " + leaking.size()
                    + " hold a secret, all of them from org.apache.hc.* loggers " + leaking.stream().map(l -> l.split(" ")[0])
                    .distinct().sorted().toList() + "; " + secrets.size() + " secrets looked for");
            for (String logger : leaking.stream().map(l -> l.split(" ")[0]).distinct().toList()) {
                assertTrue(HttpClientLogging.UNSAFE_AT_DEBUG.stream().anyMatch(logger::startsWith), "not detected: " + logger);
            }

            // 2. The same, with HttpClient at INFO: nothing anywhere holds a secret.
            printed.clear();
            secrets.clear();
            httpClient.setLevel(Level.INFO);
            assertTrue(HttpClientLogging.unsafeLoggersEnabled().isEmpty());
            runEveryFlow();
            assertEquals(List.of(), linesWithSecrets());
            assertFalse(LoggerFactory.getLogger("org.apache.hc.client5.http.wire").isDebugEnabled(), "the library never turns it on");
            assertTrue(printed.size() > 20, "flows ran and printed: " + printed.size());
            System.out.println("DEBUG but org.apache.hc at INFO: " + printed.size() + " lines captured, none holds any of "
                    + secrets.size() + " secrets");
        } finally {
            root.detachAppender(capture);
            detached.forEach(root::addAppender);
            root.setLevel(rootLevel);
            httpClient.setLevel(null);
            mailSink.setLevel(null);
        }
    }

    private List<String> linesWithSecrets() {
        List<String> found = new ArrayList<>();
        for (String line : printed) {
            for (String secret : secrets) {
                if (line.contains(secret)) {
                    found.add(line.length() > 300 ? line.substring(0, 300) + "..." : line);
                    break;
                }
            }
        }
        return found;
    }

    private <T> T shown(Supplier<T> call) {
        try {
            T value = call.get();
            printed.add("value " + value);
            return value;
        } catch (RuntimeException e) {
            printed.add("exception " + e + " " + e.getCause());
            throw e;
        }
    }

    private String secret(String value) {
        secrets.add(value);
        return value;
    }

    private SessionToken token(SessionToken token) {
        secrets.add(token.reveal());
        return token;
    }

    private void runEveryFlow() {
        try (Kratos kratos = Kratos.connect(KratosConfig.builder().publicUrl(SERVER.publicUrl().toString())
                .timeout(Duration.ofSeconds(10)).build())) {
            String email = "secrets-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
            String password = secret("Secret-Horse-" + UUID.randomUUID());
            String newPassword = secret("Secret-Battery-" + UUID.randomUUID());

            var registered = assertInstanceOf(RegistrationOutcome.Completed.class, shown(() -> kratos.registration().submit(
                    shown(() -> kratos.registration().start()), new RegistrationMethod.Password(Traits.email(email), Secret.of(password)))));
            SessionToken first = token(registered.token().orElseThrow());

            VerificationFlow verification = shown(() -> kratos.verification().start());
            shown(() -> kratos.verification().submit(verification, VerificationMethod.Code.request(email)));
            String verificationCode = secret(SERVER.mail().lastCodeFor(email, CodePurpose.VERIFICATION, CODE_WAIT));
            shown(() -> kratos.verification().submit(verification, VerificationMethod.Code.submit(Secret.of(verificationCode))));

            shown(() -> kratos.login().submit(shown(() -> kratos.login().start()),
                    new LoginMethod.Password(email, Secret.of(secret("Wrong-Secret-" + UUID.randomUUID())))));
            var login = assertInstanceOf(LoginOutcome.Completed.class, shown(() -> kratos.login().submit(
                    kratos.login().start(), new LoginMethod.Password(email, Secret.of(password)))));
            SessionToken token = token(login.token());
            shown(() -> kratos.sessions().whoami(token));

            SettingsFlow settings = shown(() -> kratos.settings().start(token));
            secret(settings.totpSecret().orElseThrow().reveal());
            String totpCode = secret(Totp.freshCode(settings.totpSecret().orElseThrow().reveal()));
            shown(() -> kratos.settings().submit(settings, SettingsMethod.Totp.link(Secret.of(totpCode))));
            var regenerated = assertInstanceOf(SettingsOutcome.LookupSecretsShown.class, shown(() -> kratos.settings().submit(settings,
                    SettingsMethod.LookupSecret.regenerate())));
            regenerated.codes().forEach(s -> secret(s.reveal()));
            shown(() -> kratos.settings().submit(settings, new SettingsMethod.LookupSecret(SettingsMethod.LookupSecret.Action.CONFIRM)));
            shown(() -> kratos.settings().submit(settings, new SettingsMethod.Password(Secret.of(newPassword))));

            RecoveryFlow recovery = shown(() -> kratos.recovery().start());
            shown(() -> kratos.recovery().submit(recovery, RecoveryMethod.Code.request(email)));
            String recoveryCode = secret(SERVER.mail().lastCodeFor(email, CodePurpose.RECOVERY, CODE_WAIT));
            var recovered = assertInstanceOf(RecoveryOutcome.Recovered.class,
                    shown(() -> kratos.recovery().submit(recovery, RecoveryMethod.Code.submit(Secret.of(recoveryCode)))));
            SessionToken recoveredToken = token(recovered.token());
            shown(() -> kratos.settings().afterRecovery(recovered));

            LoginFlow exchange = shown(() -> kratos.login().start(LoginOptions.defaults().withSessionTokenExchangeCode()
                    .withReturnTo("https://example.com/app")));
            String initCode = secret(exchange.sessionTokenExchangeCode().orElseThrow().reveal());
            String returnToCode = secret("rtc-Secret-" + UUID.randomUUID());
            shown(() -> kratos.sessions().exchangeToken(Secret.of(initCode), Secret.of(returnToCode)));

            shown(() -> kratos.sessions().logout(recoveredToken));
            shown(() -> kratos.sessions().logout(first));
            shown(() -> kratos.sessions().whoami(first));
            try {
                shown(() -> kratos.settings().start(first)); // revoked: an exception, rendered
            } catch (RuntimeException expected) {
                // rendered by shown()
            }
        }
    }
}
