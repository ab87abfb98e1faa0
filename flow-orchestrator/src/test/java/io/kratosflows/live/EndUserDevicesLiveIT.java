package io.kratosflows.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.EndUser;
import io.kratosflows.Kratos;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.session.Session;
import io.kratosflows.session.WhoamiOutcome;
import io.kratosflows.testkit.KratosServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A back end passes its user's address and agent: the session Kratos records shows the user's device. */
class EndUserDevicesLiveIT {

    static final KratosServer SERVER = KratosServer.defaults();

    @RegisterExtension
    static final Live LIVE = Live.on(SERVER);
    private static Kratos kratos;

    @BeforeAll
    static void connect() {
        kratos = LIVE.kratos();
    }


    private static Session whoami(SessionToken token) {
        return assertInstanceOf(WhoamiOutcome.Active.class, kratos.sessions().whoami(token)).session();
    }

    @Test
    void aLoginThroughAViewRecordsTheEndUsersDevice() {
        String email = Live.newEmail("device");
        LIVE.register(email, Live.PASSWORD);
        Kratos forAda = kratos.forEndUser(EndUser.of("203.0.113.7", "AdaPhone/3.1 (iOS 19)"));

        var login = forAda.login().submit(forAda.login().start(), new LoginMethod.Password(email, Secret.of(Live.PASSWORD)));
        SessionToken token = assertInstanceOf(LoginOutcome.Completed.class, login).token();
        forAda.close(); // a view's close leaves the shared client open

        Session.Device device = whoami(token).devices().get(0);
        assertEquals("203.0.113.7", device.ipAddress().orElseThrow());
        assertEquals("AdaPhone/3.1 (iOS 19)", device.userAgent().orElseThrow());
        assertEquals(1, whoami(token).devices().size());
    }

    @Test
    void withoutAViewKratosRecordsTheBackEnd() {
        String email = Live.newEmail("device-plain");
        SessionToken token = LIVE.register(email, Live.PASSWORD);

        Session.Device device = whoami(token).devices().get(0);
        assertTrue(device.ipAddress().orElseThrow().startsWith("127.0.0.1:"), "the connection's own address and port: " + device);
        assertEquals("kratos-flows", device.userAgent().orElseThrow());
    }

    @Test
    void anIpv6AddressIsRecordedAsSent() {
        String email = Live.newEmail("device-v6");
        LIVE.register(email, Live.PASSWORD);
        Kratos view = kratos.forEndUser(EndUser.ipAddress("2001:db8::42"));

        var login = view.login().submit(view.login().start(), new LoginMethod.Password(email, Secret.of(Live.PASSWORD)));

        Session.Device device = whoami(assertInstanceOf(LoginOutcome.Completed.class, login).token()).devices().get(0);
        assertEquals("2001:db8::42", device.ipAddress().orElseThrow());
        assertEquals("kratos-flows", device.userAgent().orElseThrow(), "no agent given: the client's own");
    }
}
