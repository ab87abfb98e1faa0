package io.kratosflows;

import io.kratosflows.internal.DefaultKratos;
import io.kratosflows.login.LoginFlows;
import io.kratosflows.recovery.RecoveryFlows;
import io.kratosflows.registration.RegistrationFlows;
import io.kratosflows.session.Sessions;
import io.kratosflows.settings.SettingsFlows;
import io.kratosflows.verification.VerificationFlows;

/**
 * The entry point: a client for one Kratos public API, grouping the native self-service flows
 * and session calls. Thread-safe and immutable; share one instance and {@link #close()} it at shutdown.
 *
 * <pre>{@code
 * try (Kratos kratos = Kratos.connect(KratosConfig.builder().publicUrl("http://127.0.0.1:4433").build())) {
 *     LoginFlow flow = kratos.login().start();
 *     LoginOutcome outcome = kratos.login().submit(flow, new LoginMethod.Password(email, Secret.of(password)));
 * }
 * }</pre>
 *
 * <p>Every call sends {@code Accept: application/json}, never follows redirects and never sends
 * {@code Cookie} or {@code Origin}: what Kratos requires of native (API) flows.
 */
public interface Kratos extends AutoCloseable {

    /** {@return a client for the configured Kratos} No request is made until a flow starts. */
    static Kratos connect(KratosConfig config) {
        return new DefaultKratos(java.util.Objects.requireNonNull(config, "config == null"));
    }

    /** {@return the configuration} */
    KratosConfig config();

    /** {@return native login flows} */
    LoginFlows login();

    /** {@return native registration flows} */
    RegistrationFlows registration();

    /** {@return native settings flows} */
    SettingsFlows settings();

    /** {@return native recovery flows} */
    RecoveryFlows recovery();

    /** {@return native verification flows} */
    VerificationFlows verification();

    /** {@return whoami, logout and token exchange} */
    Sessions sessions();

    /** Closes the built-in HTTP client (a client passed in the configuration stays open). */
    @Override
    void close();
}
