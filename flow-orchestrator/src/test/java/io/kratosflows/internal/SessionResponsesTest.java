package io.kratosflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.Aal;
import io.kratosflows.KratosConfig;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.session.TokenExchangeOutcome;
import io.kratosflows.session.WhoamiOutcome;
import io.kratosflows.testing.FakeKratos;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Sessions and second factors, from recorded Kratos v26.2.0 responses. */
class SessionResponsesTest {

    private static <T> T withServer(String fixture, java.util.function.Function<DefaultSessions, T> call) throws Exception {
        try (FakeKratos server = new FakeKratos(); KratosHttp http = new KratosHttp(KratosConfig.builder().publicUrl(server.url()).build())) {
            server.respond(fixture);
            return call.apply(new DefaultSessions(http));
        }
    }

    @Test
    void whoamiOutcomes() throws Exception {
        SessionToken token = SessionToken.of("ory_st_x");

        var active = assertInstanceOf(WhoamiOutcome.Active.class, withServer("session/whoami.200.json", s -> s.whoami(token)));
        var aal2 = assertInstanceOf(WhoamiOutcome.Active.class, withServer("session/whoami-aal2.200.json", s -> s.whoami(token)));
        var none = assertInstanceOf(WhoamiOutcome.NotSignedIn.class, withServer("session/whoami-no-token.401.json", s -> s.whoami(token)));
        var second = assertInstanceOf(WhoamiOutcome.SecondFactorRequired.class,
                withServer("session/whoami-aal2-required.403.json", s -> s.whoami(token)));

        assertTrue(active.session().identity().isPresent());
        assertEquals(Aal.AAL2, aal2.session().aal());
        assertEquals(401, none.error().status());
        assertTrue(second.error().is("session_aal2_required"));
        assertTrue(second.redirectBrowserTo().orElseThrow().contains("aal=aal2"));
    }

    @Test
    void unknownExchangeCodesAreRejected() throws Exception {
        var rejected = withServer("session/token-exchange-unknown.404.json", s -> s.exchangeToken(Secret.of("a"), Secret.of("b")));

        assertEquals(404, assertInstanceOf(TokenExchangeOutcome.Rejected.class, rejected).error().status());
    }

    @Test
    void recordedSecondFactorLoginWithholdsTheIdentity() {
        var outcome = LoginResponses.submitted(Wire.recorded("login/submit-password-second-factor-required.200.json"), Flows.login(), "password");

        var second = assertInstanceOf(LoginOutcome.SecondFactorRequired.class, outcome);
        assertEquals(Aal.AAL1, second.session().aal());
    }

    @Test
    void totpAndLookupSecondFactorsComplete() {
        var totp = assertInstanceOf(LoginOutcome.Completed.class,
                LoginResponses.submitted(Wire.recorded("login/submit-totp-success.200.json"), Flows.login(), "password"));
        var lookup = assertInstanceOf(LoginOutcome.Completed.class,
                LoginResponses.submitted(Wire.recorded("login/submit-lookup-success.200.json"), Flows.login(), "password"));
        var wrong = assertInstanceOf(LoginOutcome.NeedsInput.class,
                LoginResponses.submitted(Wire.recorded("login/submit-totp-wrong-code.400.json"), Flows.login(), "password"));

        assertEquals(Aal.AAL2, totp.session().aal());
        assertEquals(Aal.AAL2, lookup.session().aal());
        assertTrue(wrong.flow().ui().hasMessage(4000008));
    }

    @Test
    void anAal2FlowAsksForTheSecondFactor() {
        var flow = LoginResponses.flow("start", Wire.recorded("login/create-aal2.200.json"), Optional.of(SessionToken.of("ory_st_x")));

        assertEquals(Aal.AAL2, flow.requestedAal());
        assertTrue(flow.methods().contains("totp"), flow.methods().toString());
    }
}
