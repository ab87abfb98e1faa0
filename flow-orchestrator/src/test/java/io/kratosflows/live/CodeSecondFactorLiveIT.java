package io.kratosflows.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.Aal;
import io.kratosflows.Kratos;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.login.LoginFlow;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOptions;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.settings.SettingsFlow;
import io.kratosflows.settings.SettingsMethod;
import io.kratosflows.settings.SettingsOutcome;
import io.kratosflows.testkit.CodePurpose;
import io.kratosflows.testkit.KratosServer;
import io.kratosflows.testkit.Totp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A one-time code as the second factor ({@code selfservice.methods.code.mfa_enabled}): from v26 on
 * sent as the flow starts when it is the only second factor, sent to the chosen {@code address}
 * otherwise (and always before v26).
 */
class CodeSecondFactorLiveIT {

    static final KratosServer SERVER = KratosServer.builder().name("code-mfa")
            .set("selfservice.methods.code.mfa_enabled", true)
            .set("selfservice.methods.code.passwordless_enabled", false)
            .build();

    @RegisterExtension
    static final Live LIVE = Live.on(SERVER);
    private static Kratos kratos;

    @BeforeAll
    static void connect() {
        kratos = LIVE.kratos();
    }


    private static SessionToken logIn(String email) {
        var outcome = kratos.login().submit(kratos.login().start(), new LoginMethod.Password(email, Secret.of(Live.PASSWORD)));
        return assertInstanceOf(LoginOutcome.Completed.class, outcome).token();
    }

    @Test
    void withOneAddressTheCodeIsSentAsTheFlowStarts() {
        String email = Live.newEmail("code-mfa");
        LIVE.register(email, Live.PASSWORD);
        SessionToken token = logIn(email);

        LoginFlow flow = kratos.login().start(LoginOptions.secondFactor(token));
        if (!SERVER.version().isAtLeast(26, 0)) {
            // Before v26 Kratos sends nothing at the start: the one address is offered like several.
            assertEquals(java.util.List.of(email), flow.codeAddresses());
            flow = assertInstanceOf(LoginOutcome.CodeSent.class, kratos.login().submit(flow, LoginMethod.Code.sendTo(email))).flow();
        }
        String code = LIVE.code(email, CodePurpose.LOGIN);
        var done = kratos.login().submit(flow, LoginMethod.Code.submit(email, Secret.of(code)));

        assertEquals("sent_email", flow.state().orElseThrow());
        assertEquals(java.util.List.of(), flow.codeAddresses(), "nothing to choose: the code is on its way");
        assertEquals("code", flow.active().orElseThrow());
        assertTrue(flow.requestUrl().orElseThrow().endsWith("/self-service/login/api?aal=aal2"), flow.requestUrl().toString());
        var completed = assertInstanceOf(LoginOutcome.Completed.class, done);
        assertEquals(Aal.AAL2, completed.session().aal());
        assertEquals(token, completed.token(), "the same session, raised");
    }

    @Test
    void withAnotherSecondFactorTheClientChoosesTheAddress() {
        String email = Live.newEmail("code-mfa-totp");
        SessionToken first = LIVE.register(email, Live.PASSWORD);
        SettingsFlow settings = kratos.settings().start(first);
        String secret = settings.totpSecret().orElseThrow().reveal();
        assertInstanceOf(SettingsOutcome.Saved.class,
                kratos.settings().submit(settings, SettingsMethod.Totp.link(Secret.of(Totp.freshCode(secret)))));
        SessionToken token = logIn(email);

        LoginFlow flow = kratos.login().start(LoginOptions.secondFactor(token));
        String offered = flow.codeAddresses().get(0);
        var sent = kratos.login().submit(flow, LoginMethod.Code.sendTo(offered));
        var codeSent = assertInstanceOf(LoginOutcome.CodeSent.class, sent);
        String code = LIVE.code(email, CodePurpose.LOGIN);
        var done = kratos.login().submit(codeSent.flow(), LoginMethod.Code.submit(email, Secret.of(code)));

        assertEquals(java.util.List.of(email), flow.codeAddresses());
        assertEquals(Aal.AAL2, assertInstanceOf(LoginOutcome.Completed.class, done).session().aal());
    }
}
