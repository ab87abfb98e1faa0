package io.kratosflows.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.Kratos;
import io.kratosflows.SessionToken;
import io.kratosflows.error.KratosErrorException;
import io.kratosflows.registration.RegistrationOptions;
import io.kratosflows.testkit.KratosServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Starting registration or recovery with a session token tells a client whether it still signs
 * someone in: Kratos refuses with {@code session_already_available} while it does.
 */
class SignedInStartLiveIT {

    static final KratosServer SERVER = KratosServer.defaults();

    @RegisterExtension
    static final Live LIVE = Live.on(SERVER);
    private static Kratos kratos;

    @BeforeAll
    static void connect() {
        kratos = LIVE.kratos();
    }


    @Test
    void aSignedInTokenCannotStartRegistrationOrRecovery() {
        SessionToken token = LIVE.register(Live.newEmail("signed-in"), Live.PASSWORD);

        var registration = assertThrows(KratosErrorException.class,
                () -> kratos.registration().start(RegistrationOptions.defaults().withSessionToken(token)));
        var recovery = assertThrows(KratosErrorException.class, () -> kratos.recovery().start(token));

        assertTrue(registration.error().is("session_already_available"), registration.getMessage());
        assertEquals(400, registration.status());
        assertTrue(recovery.error().is("session_already_available"), recovery.getMessage());
        assertTrue(kratos.registration().start().requestUrl().isPresent(), "without the token a flow starts");
    }

    @Test
    void aTokenThatNoLongerSignsInStartsAsUsual() {
        SessionToken token = LIVE.register(Live.newEmail("signed-out"), Live.PASSWORD);
        kratos.sessions().logout(token);

        var registration = kratos.registration().start(RegistrationOptions.defaults().withSessionToken(token));
        var recovery = kratos.recovery().start(token);

        assertTrue(registration.requestUrl().orElseThrow().endsWith("/self-service/registration/api"));
        assertEquals("code", recovery.active().orElseThrow());
    }
}
