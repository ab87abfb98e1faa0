package io.kratosflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kratosflows.Aal;
import io.kratosflows.error.KratosErrorException;
import io.kratosflows.error.UnexpectedResponseException;
import io.kratosflows.session.WhoamiOutcome;
import io.kratosflows.SessionToken;
import org.junit.jupiter.api.Test;

/** Every whoami outcome from recorded Kratos v26.2.0 responses, plus odd bodies. */
class ToSessionStepTest {

    @Test
    void anActiveSessionCarriesItsIdentity() {
        var active = assertInstanceOf(WhoamiOutcome.Active.class, ToSessionStep.outcome(Wire.recorded("session/whoami.200.json")));

        assertTrue(active.session().active());
        assertTrue(active.session().identity().isPresent());
        assertEquals(Aal.AAL1, active.session().aal());
    }

    @Test
    void aSecondFactorRaisesTheLevel() {
        var aal2 = assertInstanceOf(WhoamiOutcome.Active.class, ToSessionStep.outcome(Wire.recorded("session/whoami-aal2.200.json")));

        assertEquals(Aal.AAL2, aal2.session().aal());
    }

    @Test
    void noValidTokenIsNotSignedIn() {
        var none = assertInstanceOf(WhoamiOutcome.NotSignedIn.class, ToSessionStep.outcome(Wire.recorded("session/whoami-no-token.401.json")));

        assertEquals(401, none.error().status());
    }

    @Test
    void aMissingSecondFactorNamesTheStepUp() {
        var second = assertInstanceOf(WhoamiOutcome.SecondFactorRequired.class,
                ToSessionStep.outcome(Wire.recorded("session/whoami-aal2-required.403.json")));

        assertTrue(second.error().is("session_aal2_required"));
        assertTrue(second.redirectBrowserTo().orElseThrow().contains("aal=aal2"));
    }

    @Test
    void aSessionThatSaysItIsInactiveIsNoSignIn() {
        ObjectNode body = (ObjectNode) Wire.recorded("session/whoami.200.json").json();
        body.put("active", false);

        var outcome = assertInstanceOf(WhoamiOutcome.NotSignedIn.class, ToSessionStep.outcome(Wire.of(200, body.toString())));

        assertTrue(outcome.error().is("session_inactive"));
        assertFalse(outcome.toString().contains(body.path("id").asText()), "no session data in the outcome");
    }

    @Test
    void anotherForbiddenIsAKratosError() {
        var e = assertThrows(KratosErrorException.class,
                () -> ToSessionStep.outcome(Wire.of(403, "{\"error\":{\"id\":\"security_csrf_violation\",\"code\":403}}")));

        assertEquals(403, e.status());
    }

    @Test
    void aSuccessWithoutASessionIsUnexpected() {
        assertThrows(UnexpectedResponseException.class, () -> ToSessionStep.outcome(Wire.of(200, "{}")));
        assertThrows(UnexpectedResponseException.class, () -> ToSessionStep.outcome(Wire.of(200, "<html>")));
        assertThrows(UnexpectedResponseException.class, () -> ToSessionStep.outcome(Wire.of(500, "")));
    }

    @Test
    void runAsksWithTheTokenInItsHeader() {
        var sent = FakeCalls.exchange("session/whoami.200.json", calls -> ToSessionStep.run(calls, SessionToken.of("ory_st_me")));

        assertEquals("GET /sessions/whoami", sent.line());
        assertEquals("ory_st_me", sent.request().header("X-Session-Token"));
        assertInstanceOf(WhoamiOutcome.Active.class, sent.outcome());
        assertThrows(NullPointerException.class, () -> ToSessionStep.run(FakeCalls.OFFLINE, null));
    }
}
