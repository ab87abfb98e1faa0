package io.kratosflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.IdentityId;
import io.kratosflows.PageRequest;
import io.kratosflows.SessionToken;
import io.kratosflows.admin.AdminIdentity;
import io.kratosflows.admin.CourierQuery;
import io.kratosflows.admin.IdentityQuery;
import io.kratosflows.admin.IdentityUpdate;
import io.kratosflows.admin.IdentityWriteOutcome;
import io.kratosflows.error.InvalidInputException;
import io.kratosflows.error.KratosErrorException;
import io.kratosflows.error.UnexpectedResponseException;
import io.kratosflows.session.OtherSessionsRevokeOutcome;
import io.kratosflows.testing.RecordedResponses;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each admin and own-session step makes the one call it names and reads every answer it can get:
 * the success, the documented "not there" answer, and an error it cannot continue from.
 */
class AdminRunPathsTest {

    private static final IdentityId ID = IdentityId.of("6337ae59-8750-44ad-a7ca-6f635e5b84fa");
    private static final String SESSION = "5e550000-0000-4000-8000-000000000001";
    private static final String ERROR_500 = "{\"error\":{\"code\":500,\"status\":\"Internal Server Error\"}}";
    private static final String ERROR_404 = "{\"error\":{\"code\":404,\"status\":\"Not Found\"}}";

    private static String identity() {
        return RecordedResponses.body("identity/lookup-admin-after-confirm.200.json");
    }

    @Test
    void getIdentity() {
        var found = FakeCalls.exchange(200, identity(), c -> GetIdentityStep.run(c, ID));

        assertEquals("GET /admin/identities/" + ID.value(), found.line());
        assertEquals(ID, found.outcome().orElseThrow().identity().id());
        assertThrows(UnexpectedResponseException.class, () -> GetIdentityStep.outcome(Wire.of(200, "{}")));
    }

    @Test
    void deleteIdentity() {
        var deleted = FakeCalls.exchange(204, "", c -> DeleteIdentityStep.run(c, ID));

        assertEquals("DELETE /admin/identities/" + ID.value(), deleted.line());
        assertTrue(deleted.outcome());
        assertFalse(DeleteIdentityStep.outcome(Wire.of(404, ERROR_404)));
        assertThrows(KratosErrorException.class, () -> DeleteIdentityStep.outcome(Wire.of(500, ERROR_500)));
    }

    @Test
    void deleteIdentitySessions() {
        var deleted = FakeCalls.exchange(204, "", c -> DeleteIdentitySessionsStep.run(c, ID));

        assertEquals("DELETE /admin/identities/" + ID.value() + "/sessions", deleted.line());
        assertTrue(deleted.outcome());
        assertFalse(DeleteIdentitySessionsStep.outcome(Wire.of(404, ERROR_404)));
        assertThrows(KratosErrorException.class, () -> DeleteIdentitySessionsStep.outcome(Wire.of(500, ERROR_500)));
    }

    @Test
    void disableSession() {
        var revoked = FakeCalls.exchange(204, "", c -> DisableSessionStep.run(c, SESSION));

        assertEquals("DELETE /admin/sessions/" + SESSION, revoked.line());
        assertTrue(revoked.outcome());
        assertFalse(DisableSessionStep.outcome(Wire.of(404, ERROR_404)));
        assertThrows(KratosErrorException.class, () -> DisableSessionStep.outcome(Wire.of(500, ERROR_500)));
        var notAnId = assertThrows(InvalidInputException.class, () -> DisableSessionStep.run(FakeCalls.OFFLINE, "whoami"));
        assertEquals("sessionId: must be a session id (a UUID)", notAnId.violations().get(0));
    }

    @Test
    void updateIdentity() {
        AdminIdentity current = GetIdentityStep.outcome(Wire.of(200, identity())).orElseThrow();
        var saved = FakeCalls.exchange(200, identity(), c -> UpdateIdentityStep.run(c, ID, IdentityUpdate.of(current)));

        assertEquals("PUT /admin/identities/" + ID.value(), saved.line());
        assertInstanceOf(IdentityWriteOutcome.Saved.class, saved.outcome());
        assertTrue(saved.body().path("metadata_public").isObject(), "Kratos replaces metadata: empty goes as {}");
        assertInstanceOf(IdentityWriteOutcome.Conflict.class, UpdateIdentityStep.outcome(Wire.of(409, "{\"error\":{\"code\":409}}")));
        assertInstanceOf(IdentityWriteOutcome.Invalid.class, UpdateIdentityStep.outcome(Wire.of(400, "{\"error\":{\"code\":400}}")));
        assertInstanceOf(IdentityWriteOutcome.NotFound.class, UpdateIdentityStep.outcome(Wire.of(404, ERROR_404)));
        assertThrows(UnexpectedResponseException.class, () -> UpdateIdentityStep.outcome(Wire.of(200, "{}")));
        assertThrows(KratosErrorException.class, () -> UpdateIdentityStep.outcome(Wire.of(500, ERROR_500)));
    }

    @Test
    void listIdentities() {
        var page = FakeCalls.exchange(200, "[" + identity() + "]", c -> ListIdentitiesStep.run(c, IdentityQuery.all(), PageRequest.first(10)));

        assertTrue(page.line().startsWith("GET /admin/identities?"), page.line());
        assertEquals(1, page.outcome().items().size());
        assertThrows(KratosErrorException.class, () -> ListIdentitiesStep.outcome(Wire.of(500, ERROR_500), PageRequest.first()));
    }

    @Test
    void listIdentitySessions() {
        String sessions = RecordedResponses.body("session/list-mine.200.json");
        var page = FakeCalls.exchange(200, sessions, c -> ListIdentitySessionsStep.run(c, ID, Optional.of(true), PageRequest.first(5)));

        assertTrue(page.line().startsWith("GET /admin/identities/" + ID.value() + "/sessions?"), page.line());
        assertTrue(page.line().contains("active=true"), page.line());
        assertFalse(page.outcome().items().isEmpty());
        var none = ListIdentitySessionsStep.outcome(Wire.of(404, ERROR_404), PageRequest.first());
        assertTrue(none.items().isEmpty() && none.totalCount().getAsLong() == 0 && none.next().isEmpty());
        assertThrows(KratosErrorException.class, () -> ListIdentitySessionsStep.outcome(Wire.of(500, ERROR_500), PageRequest.first()));
    }

    @Test
    void revokeMyOtherSessions() {
        var revoked = FakeCalls.exchange(200, "{\"count\":2}", c -> DisableMyOtherSessionsStep.run(c, SessionToken.of("ory_st_me")));

        assertEquals("DELETE /sessions", revoked.line());
        assertEquals("ory_st_me", revoked.request().header("X-Session-Token"));
        assertEquals(2, assertInstanceOf(OtherSessionsRevokeOutcome.Revoked.class, revoked.outcome()).count());
        assertInstanceOf(OtherSessionsRevokeOutcome.NotSignedIn.class,
                DisableMyOtherSessionsStep.outcome(Wire.of(401, "{\"error\":{\"code\":401}}")));
        assertThrows(UnexpectedResponseException.class, () -> DisableMyOtherSessionsStep.outcome(Wire.of(200, "{}")));
        assertThrows(UnexpectedResponseException.class, () -> DisableMyOtherSessionsStep.outcome(Wire.of(200, "{\"count\":-1}")));
        assertThrows(KratosErrorException.class, () -> DisableMyOtherSessionsStep.outcome(Wire.of(500, ERROR_500)));
    }

    @Test
    void createRecoveryCode() {
        String code = "{\"recovery_link\":\"http://127.0.0.1:4455/recovery?flow=0b7a3c1e-0000-4000-8000-000000000001\","
                + "\"recovery_code\":\"123456\",\"expires_at\":\"2026-12-02T03:00:00Z\"}";
        var created = FakeCalls.exchange(201, code, c -> CreateRecoveryCodeForIdentityStep.run(c, ID, Optional.of(Duration.ofMinutes(5)),
                Optional.of("api")));

        assertEquals("POST /admin/recovery/code", created.line());
        assertEquals("300s", created.body().path("expires_in").asText());
        assertEquals("api", created.body().path("flow_type").asText());
        assertEquals("123456", created.outcome().orElseThrow().code().reveal());
        assertTrue(CreateRecoveryCodeForIdentityStep.outcome(Wire.of(404, ERROR_404)).isEmpty());
        assertThrows(UnexpectedResponseException.class, () -> CreateRecoveryCodeForIdentityStep.outcome(Wire.of(201, "{}")));
        assertThrows(KratosErrorException.class, () -> CreateRecoveryCodeForIdentityStep.outcome(Wire.of(500, ERROR_500)));
        assertThrows(InvalidInputException.class, () -> CreateRecoveryCodeForIdentityStep.operation(IdentityId.of("not-a-uuid"),
                Optional.empty(), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> CreateRecoveryCodeForIdentityStep.goDuration(Duration.ofMillis(999)));
        assertEquals("1s", CreateRecoveryCodeForIdentityStep.goDuration(Duration.ofSeconds(1)));
    }

    @Test
    void listCourierMessages() {
        String messages = "[{\"id\":\"c0000000-0000-4000-8000-000000000001\",\"type\":\"email\",\"status\":\"sent\","
                + "\"recipient\":\"ada@example.org\",\"subject\":\"Use code 123456\",\"body\":\"123456\",\"send_count\":1}]";
        var page = FakeCalls.exchange(200, messages, c -> ListCourierMessagesStep.run(c, CourierQuery.to("ada@example.org"),
                PageRequest.first(5)));

        assertTrue(page.line().startsWith("GET /admin/courier/messages?") && page.line().contains("recipient=ada%40example.org"),
                page.line());
        assertEquals("ada@example.org", page.outcome().items().get(0).recipient());
        assertFalse(page.outcome().items().get(0).toString().contains("123456\""), "the body is a secret");
        assertThrows(KratosErrorException.class, () -> ListCourierMessagesStep.outcome(Wire.of(500, ERROR_500), PageRequest.first()));
    }

    @Test
    void notThereThroughTheWholeCall() {
        assertFalse(FakeCalls.exchange(404, ERROR_404, c -> DeleteIdentityStep.run(c, ID)).outcome());
        assertFalse(FakeCalls.exchange(404, ERROR_404, c -> DeleteIdentitySessionsStep.run(c, ID)).outcome());
        assertFalse(FakeCalls.exchange(404, ERROR_404, c -> DisableSessionStep.run(c, SESSION)).outcome());
        assertEquals(0, assertInstanceOf(OtherSessionsRevokeOutcome.Revoked.class,
                DisableMyOtherSessionsStep.outcome(Wire.of(200, "{\"count\":0}"))).count(), "none to revoke is a count of 0");
    }

    @Test
    void anUpdateSendsWhatIsSet() {
        AdminIdentity current = GetIdentityStep.outcome(Wire.of(200, identity())).orElseThrow();
        IdentityUpdate update = IdentityUpdate.of(current).withState("inactive").withMetadataPublic(java.util.Map.of("plan", "gold"))
                .withMetadataAdmin(java.util.Map.of("crm", 7)).withPassword(io.kratosflows.Secret.of("new-password-123"));
        boolean externalIds = ModelProperties.has(io.kratosflows.generated.model.UpdateIdentityBody.class, "external_id");
        var body = FakeCalls.json(UpdateIdentityStep.operation(ID, externalIds ? update.withExternalId("crm-7") : update).body());

        assertEquals("inactive", body.path("state").asText());
        assertEquals("gold", body.path("metadata_public").path("plan").asText());
        assertEquals(7, body.path("metadata_admin").path("crm").asInt());
        assertEquals("new-password-123", body.path("credentials").path("password").path("config").path("password").asText());
        assertEquals(externalIds ? "crm-7" : "", body.path("external_id").asText(""));
    }

    @Test
    void identityQueriesGoIntoTheQuery() {
        var byIds = FakeCalls.sent(ListIdentitiesStep.operation(IdentityQuery.byIds(java.util.List.of(ID)), PageRequest.first(3)));
        var byIdentifier = FakeCalls.sent(ListIdentitiesStep.operation(IdentityQuery.byCredentialsIdentifier("ada@example.org"),
                PageRequest.first(3)));

        assertEquals(ID.value(), byIds.get("?ids"));
        assertEquals("ada@example.org", byIdentifier.get("?credentials_identifier"));
        assertFalse(byIdentifier.containsKey("?ids"), "no ids: no ids parameter");
        if (io.kratosflows.generated.api.IdentityApi.listIdentities().accepts("organization_id")) {
            var byOrganization = FakeCalls.sent(ListIdentitiesStep.operation(
                    new IdentityQuery(Optional.empty(), java.util.List.of(), Optional.of("org-1")), PageRequest.first()));
            assertEquals("org-1", byOrganization.get("?organization_id"));
        }
    }

    @Test
    void myOwnSessionsThroughTheWholeCall() {
        SessionToken me = SessionToken.of("ory_st_me");
        var listed = FakeCalls.exchange(200, RecordedResponses.body("session/list-mine.200.json"),
                c -> ListMySessionsStep.run(c, me, PageRequest.first(2)));
        var revoked = FakeCalls.exchange(204, "", c -> DisableMySessionStep.run(c, me, SESSION));

        assertTrue(listed.line().startsWith("GET /sessions?"), listed.line());
        assertEquals("ory_st_me", listed.request().header("X-Session-Token"));
        assertEquals("DELETE /sessions/" + SESSION, revoked.line());
        assertEquals("ory_st_me", revoked.request().header("X-Session-Token"));
        var page = assertInstanceOf(io.kratosflows.session.SessionListOutcome.Listed.class, listed.outcome());
        assertFalse(page.page().items().isEmpty(), "the recorded list has sessions");
        assertInstanceOf(io.kratosflows.session.SessionRevokeOutcome.Revoked.class, revoked.outcome());
    }
}
