package io.kratosflows.internal;

import io.kratosflows.Kratos;
import io.kratosflows.KratosConfig;
import io.kratosflows.login.LoginFlows;
import io.kratosflows.recovery.RecoveryFlows;
import io.kratosflows.registration.RegistrationFlows;
import io.kratosflows.session.Sessions;
import io.kratosflows.settings.SettingsFlows;
import io.kratosflows.verification.VerificationFlows;

/** The one implementation of {@link Kratos}: a shared HTTP stack and one sub-API per flow. */
public final class DefaultKratos implements Kratos {

    private final KratosConfig config;
    private final KratosHttp http;
    private final LoginFlows login;
    private final RegistrationFlows registration;
    private final SettingsFlows settings;
    private final RecoveryFlows recovery;
    private final VerificationFlows verification;
    private final Sessions sessions;

    /** Builds the client; called by {@link Kratos#connect}. */
    public DefaultKratos(KratosConfig config) {
        this.config = config;
        this.http = new KratosHttp(config);
        this.login = new DefaultLoginFlows(http);
        this.registration = new DefaultRegistrationFlows(http);
        this.settings = new DefaultSettingsFlows(http, login);
        this.recovery = new DefaultRecoveryFlows(http);
        this.verification = new DefaultVerificationFlows(http);
        this.sessions = new DefaultSessions(http);
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
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "Kratos[" + config.publicUrl() + "]";
    }
}
