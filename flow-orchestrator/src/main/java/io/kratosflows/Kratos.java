package io.kratosflows;

import io.kratosflows.admin.Admin;
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

    /** {@return whoami, logout, token exchange and the signed-in user's other sessions} */
    Sessions sessions();

    /**
     * {@return a view of this client whose calls carry the end user's address and agent} A back end
     * that drives flows for its users passes each user's IP address and User-Agent, so that the
     * sessions Kratos records show the user's device, not the back end's (see {@link EndUser}).
     * The view shares this client's connections and configuration and is as cheap as a method call;
     * make one per request. Closing a view does nothing: close this client.
     *
     * @apiNote Added after the first release: the default throws {@link UnsupportedOperationException}
     *          so that test doubles implementing this interface keep compiling.
     */
    default Kratos forEndUser(EndUser user) {
        throw new UnsupportedOperationException("forEndUser");
    }

    /**
     * {@return the admin API client, for back ends} Identities, an identity's sessions, recovery
     * codes and courier messages, at {@link KratosConfig#adminUrl()} over this client's connections.
     *
     * @throws IllegalStateException when the configuration has no admin URL
     * @apiNote Added after the first release: the default throws {@link UnsupportedOperationException}
     *          so that test doubles implementing this interface keep compiling.
     */
    default Admin admin() {
        throw new UnsupportedOperationException("admin");
    }

    /** Closes the built-in HTTP client (a client passed in the configuration stays open). */
    @Override
    void close();
}
