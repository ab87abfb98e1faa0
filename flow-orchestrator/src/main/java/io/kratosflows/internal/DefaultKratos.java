package io.kratosflows.internal;

import io.kratosflows.EndUser;
import io.kratosflows.Kratos;
import io.kratosflows.admin.Admin;
import io.kratosflows.KratosConfig;
import io.kratosflows.login.LoginFlows;
import io.kratosflows.recovery.RecoveryFlows;
import io.kratosflows.registration.RegistrationFlows;
import io.kratosflows.session.Sessions;
import io.kratosflows.settings.SettingsFlows;
import io.kratosflows.verification.VerificationFlows;
import java.util.Objects;
import java.util.Optional;

/**
 * The one implementation of {@link Kratos} and the only public class of this package: a shared
 * transport and one sub-API per flow.
 */
public final class DefaultKratos implements Kratos {

    private final KratosConfig config;
    private final Transport transport;
    private final boolean ownsTransport; // false for the views of forEndUser: they share the root's transport
    private final LoginFlows login;
    private final RegistrationFlows registration;
    private final SettingsFlows settings;
    private final RecoveryFlows recovery;
    private final VerificationFlows verification;
    private final Sessions sessions;
    private final Optional<Admin> admin;

    /**
     * Builds the client; called by {@link Kratos#connect}.
     *
     * @param config the configuration
     */
    public DefaultKratos(KratosConfig config) {
        this(config, new Transport(config), CallContext.NONE, true);
    }

    private DefaultKratos(KratosConfig config, Transport transport, CallContext context, boolean ownsTransport) {
        this.config = config;
        this.transport = transport;
        this.ownsTransport = ownsTransport;
        Calls calls = new Calls(transport, context, config.validateBeforeSending());
        this.login = new DefaultLoginFlows(calls);
        this.registration = new DefaultRegistrationFlows(calls);
        this.settings = new DefaultSettingsFlows(calls, login);
        this.recovery = new DefaultRecoveryFlows(calls);
        this.verification = new DefaultVerificationFlows(calls);
        this.sessions = new DefaultSessions(calls);
        this.admin = config.adminUrl().map(url -> new DefaultAdmin(calls.at(url.toString())));
    }

    @Override
    public KratosConfig config() {
        return config;
    }

    @Override
    public LoginFlows login() {
        return login;
    }

    @Override
    public RegistrationFlows registration() {
        return registration;
    }

    @Override
    public SettingsFlows settings() {
        return settings;
    }

    @Override
    public RecoveryFlows recovery() {
        return recovery;
    }

    @Override
    public VerificationFlows verification() {
        return verification;
    }

    @Override
    public Sessions sessions() {
        return sessions;
    }

    @Override
    public Admin admin() {
        return admin.orElseThrow(() -> new IllegalStateException(
                "no admin URL configured: set KratosConfig.builder().adminUrl(...) to use Kratos.admin()"));
    }

    @Override
    public Kratos forEndUser(EndUser user) {
        Objects.requireNonNull(user, "user == null");
        return new DefaultKratos(config, transport, CallContext.of(user), false);
    }

    @Override
    public void close() {
        if (ownsTransport) {
            transport.close();
        }
    }

    @Override
    public String toString() {
        return "Kratos[" + config.publicUrl() + "]";
    }
}
