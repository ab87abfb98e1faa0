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
    void theIdentityDetailsAndTheAuthenticatedIdentityHeaderAreRead() {
        var active = assertInstanceOf(WhoamiOutcome.Active.class,
                ToSessionStep.outcome(Wire.recordedWithHeaders("session/whoami-identity-fields.200.json")));

        var identity = active.session().identity().orElseThrow();
        assertEquals(java.util.Map.of("plan", "gold"), identity.metadataPublic());
        assertEquals("ext-bfeb9532", identity.externalId().orElseThrow());
        assertTrue(identity.organizationId().isEmpty(), "organization_id is null");
        assertEquals(identity.id(), active.authenticatedIdentityId().orElseThrow());
        assertTrue(active.tokenized().isEmpty());
    }

    @Test
    void theDevicesAreRead() {
        var session = assertInstanceOf(WhoamiOutcome.Active.class,
                ToSessionStep.outcome(Wire.recorded("session/whoami-devices-true-client-ip-first.200.json"))).session();

        var device = session.devices().get(0);
        assertEquals("203.0.113.9", device.ipAddress().orElseThrow());
        assertEquals("Python-urllib/3.11", device.userAgent().orElseThrow());
        assertTrue(device.location().isEmpty(), "Kratos writes an empty location without a CDN");
    }

    @Test
    void aTokenizedSessionIsARedactedJwt() {
        var active = assertInstanceOf(WhoamiOutcome.Active.class,
                ToSessionStep.outcome(Wire.recorded("session/whoami-tokenize-as.200.json")));

        var jwt = active.tokenized().orElseThrow();
        assertTrue(jwt.reveal().startsWith("eyJ"));
        assertEquals(active.session().id(), jwt.sessionId().orElseThrow());
        assertEquals(active.session().identity().orElseThrow().id().value(), jwt.subject().orElseThrow());
        assertTrue(jwt.expiresAt().isPresent());
        assertFalse(active.toString().contains(jwt.reveal()), "the JWT is a bearer credential");
        assertEquals("SessionJwt[***]", jwt.toString());
    }

    @Test
    void tokenizeAsIsAQueryParameter() {
        var call = ToSessionStep.operation(io.kratosflows.SessionToken.of("ory_st_x"),
                java.util.Optional.of(io.kratosflows.session.TokenizeAs.template("downstream")));
        var query = new java.util.ArrayList<String>();
        call.forEachQuery((k, v) -> query.add(k + "=" + v));

        assertEquals(java.util.List.of("tokenize_as=downstream"), query);
    }

    @Test
    void anUnknownTemplateIsAKratosError() {
        var e = assertThrows(KratosErrorException.class,
                () -> ToSessionStep.outcome(Wire.recorded("session/whoami-tokenize-unknown-template.400.json")));

        assertTrue(e.error().reason().orElseThrow().contains("tokenizer template"));
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

    @Test
    void aBlankIdentityHeaderIsNoIdentity() {
        var blank = assertInstanceOf(WhoamiOutcome.Active.class, ToSessionStep.outcome(Wire.of(200,
                java.util.Map.of("X-Kratos-Authenticated-Identity-Id", " "), Wire.body("session/whoami.200.json"))));
        var named = assertInstanceOf(WhoamiOutcome.Active.class, ToSessionStep.outcome(Wire.of(200,
                java.util.Map.of("X-Kratos-Authenticated-Identity-Id", "6337ae59-8750-44ad-a7ca-6f635e5b84fa"),
                Wire.body("session/whoami.200.json"))));

        assertTrue(blank.authenticatedIdentityId().isEmpty());
        assertEquals("6337ae59-8750-44ad-a7ca-6f635e5b84fa", named.authenticatedIdentityId().orElseThrow().value());
    }
}
