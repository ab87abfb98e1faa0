package io.kratosflows.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.kratosflows.Kratos;
import io.kratosflows.KratosConfig;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.Traits;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOptions;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.registration.RegistrationMethod;
import io.kratosflows.registration.RegistrationOutcome;
import io.kratosflows.settings.SettingsFlow;
import io.kratosflows.settings.SettingsMethod;
import io.kratosflows.settings.SettingsOutcome;
import io.kratosflows.testkit.KratosServer;
import io.kratosflows.testkit.Totp;
import java.time.Duration;
import java.util.UUID;

/**
 * What a native app does against Kratos, through the library and with a client of its own (so
 * the service's whoami count is the service's alone): register, link TOTP, sign in, step up,
 * re-authenticate, log out.
 */
final class NativeApp implements AutoCloseable {

    static final String PASSWORD = "correct-horse-battery-staple-42";

    private final Kratos kratos;

    NativeApp(KratosServer server) {
        this.kratos = Kratos.connect(KratosConfig.builder().publicUrl(server.publicUrl().toString())
                .timeout(Duration.ofSeconds(10)).build());
    }

    static String newEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** Registers with a password and returns the session token. */
    SessionToken register(String email) {
        RegistrationOutcome outcome = kratos.registration().submit(kratos.registration().start(),
                new RegistrationMethod.Password(Traits.email(email), Secret.of(PASSWORD)));
        assertThat(outcome).isInstanceOf(RegistrationOutcome.Completed.class);
        return ((RegistrationOutcome.Completed) outcome).token().orElseThrow();
    }

    /** Registers, links an authenticator app and returns its TOTP secret. */
    String registerWithTotp(String email) {
        SessionToken token = register(email);
        SettingsFlow settings = kratos.settings().start(token);
        String secret = settings.totpSecret().orElseThrow().reveal();
        SettingsOutcome linked = kratos.settings().submit(settings, SettingsMethod.Totp.link(Secret.of(Totp.freshCode(secret))));
        assertThat(linked).isInstanceOf(SettingsOutcome.Saved.class);
        return secret;
    }

    /** Signs in with the password; the outcome as Kratos gave it. */
    LoginOutcome signIn(String email) {
        return kratos.login().submit(kratos.login().start(), new LoginMethod.Password(email, Secret.of(PASSWORD)));
    }

    /** Signs in with the password, expecting a completed login. */
    SessionToken signInCompleted(String email) {
        LoginOutcome outcome = signIn(email);
        assertThat(outcome).isInstanceOf(LoginOutcome.Completed.class);
        return ((LoginOutcome.Completed) outcome).token();
    }

    /** Raises the session to aal2 with a TOTP code. */
    void stepUp(SessionToken token, String totpSecret) {
        LoginOutcome outcome = kratos.login().submit(kratos.login().start(LoginOptions.secondFactor(token)),
                new LoginMethod.Totp(Secret.of(Totp.freshCode(totpSecret))));
        assertThat(outcome).isInstanceOf(LoginOutcome.Completed.class);
    }

    /** Authenticates the same session again with the password ({@code refresh=true}). */
    void reauthenticate(SessionToken token, String email) {
        LoginOutcome outcome = kratos.login().submit(kratos.login().start(LoginOptions.refresh(token)),
                new LoginMethod.Password(email, Secret.of(PASSWORD)));
        assertThat(outcome).isInstanceOf(LoginOutcome.Completed.class);
    }

    /** Logs out. */
    void logOut(SessionToken token) {
        kratos.sessions().logout(token);
    }

    @Override
    public void close() {
        kratos.close();
    }
}
