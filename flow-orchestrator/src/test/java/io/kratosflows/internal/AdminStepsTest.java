package io.kratosflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kratosflows.IdentityId;
import io.kratosflows.PageRequest;
import io.kratosflows.PageToken;
import io.kratosflows.Secret;
import io.kratosflows.Traits;
import io.kratosflows.admin.AdminIdentity;
import io.kratosflows.admin.CourierQuery;
import io.kratosflows.admin.IdentityQuery;
import io.kratosflows.admin.IdentityUpdate;
import io.kratosflows.admin.IdentityWriteOutcome;
import io.kratosflows.admin.NewIdentity;
import io.kratosflows.error.InvalidInputException;
import io.kratosflows.error.KratosErrorException;
import io.kratosflows.generated.invoker.ModelJson;
import io.kratosflows.generated.invoker.Operation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The admin steps: request shapes, and answers from a recorded admin read and literal Kratos bodies. */
class AdminStepsTest {

    private static final IdentityId ID = IdentityId.of("6337ae59-8750-44ad-a7ca-6f635e5b84fa");

    private static JsonNode sent(Operation<?> operation) throws Exception {
        return Json.MAPPER.readTree(ModelJson.newMapper().writeValueAsBytes(operation.body()));
    }

    private static List<String> query(Operation<?> operation) {
        List<String> query = new ArrayList<>();
        operation.forEachQuery((k, v) -> query.add(k + "=" + v));
        return query;
    }

    @Test
    void anAdminReadCarriesCredentialsWithoutTheirSecrets() {
        AdminIdentity identity = GetIdentityStep.outcome(Wire.recorded("identity/lookup-admin-after-confirm.200.json")).orElseThrow();

        assertEquals(ID, identity.identity().id());
        assertEquals(List.of("code", "lookup_secret", "password", "webauthn"),
                identity.credentials().stream().map(c -> c.type()).toList());
        var password = identity.credential("password").orElseThrow();
        assertEquals(List.of("lookup-554b64d6@example.org"), password.identifiers());
        assertTrue(password.createdAt().isPresent() && password.updatedAt().isPresent());
        assertFalse(identity.toString().contains("5itbs5pi"), "backup codes in the credential's config are never read");
        assertTrue(GetIdentityStep.outcome(Wire.of(404, "{\"error\":{\"code\":404,\"status\":\"Not Found\"}}")).isEmpty());
        assertThrows(KratosErrorException.class, () -> GetIdentityStep.outcome(Wire.of(500, "{\"error\":{\"code\":500}}")));
    }

    @Test
    void aNewIdentitySendsOnlyWhatIsSet() throws Exception {
        JsonNode plain = sent(CreateIdentityStep.operation(NewIdentity.of(Traits.email("ada@example.org"))));
        NewIdentity base = NewIdentity.of(Traits.email("ada@example.org")).withSchemaId("customer")
                .withPassword(Secret.of("s3cret-password")).withState("inactive").withMetadataPublic(Map.of("plan", "gold"))
                .withMetadataAdmin(Map.of("crm", 7));
        boolean externalIds = ModelProperties.has(io.kratosflows.generated.model.CreateIdentityBody.class, "external_id");
        if (!externalIds) {
            // A client generated from a v1.x spec: external ids are refused by name before anything is sent.
            var e = assertThrows(InvalidInputException.class, () -> CreateIdentityStep.operation(base.withExternalId("crm-7")));
            assertTrue(e.getMessage().contains("external_id") && e.getMessage().contains(Operation.SPEC), e.getMessage());
        }
        JsonNode full = sent(CreateIdentityStep.operation(externalIds ? base.withExternalId("crm-7") : base));

        assertEquals(List.of("schema_id", "traits"), fieldNames(plain));
        assertEquals("customer", full.path("schema_id").asText());
        assertEquals("s3cret-password", full.path("credentials").path("password").path("config").path("password").asText());
        assertEquals("inactive", full.path("state").asText());
        assertEquals("gold", full.path("metadata_public").path("plan").asText());
        assertEquals(7, full.path("metadata_admin").path("crm").asInt());
        if (externalIds) {
            assertEquals("crm-7", full.path("external_id").asText());
        }
        assertFalse(NewIdentity.of(Traits.email("a@b.c")).withPassword(Secret.of("s3cret-password")).toString().contains("s3cret"));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aReplaceSendsTheWholeStateAndKeepsCredentialsUnlessAPasswordIsGiven() throws Exception {
        AdminIdentity current = GetIdentityStep.outcome(Wire.recorded("identity/lookup-admin-after-confirm.200.json")).orElseThrow();

        var call = UpdateIdentityStep.operation(ID, IdentityUpdate.of(current).withMetadataPublic(Map.of("plan", "platinum")));
        JsonNode body = sent(call);

        assertEquals("PUT", call.method());
        assertEquals("/admin/identities/" + ID.value(), call.path());
        assertEquals("active", body.path("state").asText());
        assertEquals("platinum", body.path("metadata_public").path("plan").asText());
        assertTrue(body.path("metadata_admin").isObject() && body.path("metadata_admin").isEmpty(), "empty metadata is sent as {} (PUT replaces)");
        assertEquals("lookup-554b64d6@example.org", body.path("traits").path("email").asText());
        assertFalse(body.has("credentials"));
    }

    @Test
    void writesAnswerAsOutcomes() {
        String identity = Wire.body("identity/lookup-admin-after-confirm.200.json");

        assertInstanceOf(IdentityWriteOutcome.Saved.class, CreateIdentityStep.outcome(Wire.of(201, identity)));
        assertInstanceOf(IdentityWriteOutcome.Saved.class, UpdateIdentityStep.outcome(Wire.of(200, identity)));
        assertInstanceOf(IdentityWriteOutcome.Conflict.class, CreateIdentityStep.outcome(Wire.of(409,
                "{\"error\":{\"code\":409,\"status\":\"Conflict\",\"reason\":\"This identity conflicts with another identity that already exists.\"}}")));
        assertInstanceOf(IdentityWriteOutcome.Invalid.class, CreateIdentityStep.outcome(Wire.of(400,
                "{\"error\":{\"code\":400,\"status\":\"Bad Request\",\"reason\":\"I[#/traits/email] validation failed\"}}")));
        assertInstanceOf(IdentityWriteOutcome.NotFound.class, UpdateIdentityStep.outcome(Wire.of(404, "{\"error\":{\"code\":404}}")));
        assertThrows(io.kratosflows.error.UnexpectedResponseException.class, () -> CreateIdentityStep.outcome(Wire.of(201, "{}")));
        assertThrows(KratosErrorException.class, () -> CreateIdentityStep.outcome(Wire.of(403, "{\"error\":{\"code\":403}}")));
    }

    @Test
    void deletesAndRevocationsAreTrueOrFalse() {
        assertTrue(DeleteIdentityStep.outcome(Wire.of(204, "")));
        assertFalse(DeleteIdentityStep.outcome(Wire.of(404, "{\"error\":{\"code\":404}}")));
        assertTrue(DeleteIdentitySessionsStep.outcome(Wire.of(204, "")));
        assertFalse(DeleteIdentitySessionsStep.outcome(Wire.of(404, "{\"error\":{\"code\":404}}")));
        assertTrue(DisableSessionStep.outcome(Wire.of(204, "")));
        assertFalse(DisableSessionStep.outcome(Wire.of(404, "{\"error\":{\"code\":404}}")));
        assertThrows(InvalidInputException.class, () -> DisableSessionStep.operation("whoami"));
        assertThrows(KratosErrorException.class, () -> DeleteIdentityStep.outcome(Wire.of(500, "{\"error\":{\"code\":500}}")));
    }

    @Test
    void listsPageTheirOwnWay() {
        var identities = ListIdentitiesStep.operation(IdentityQuery.byCredentialsIdentifier("ada@example.org"),
                PageRequest.first(10).at(PageToken.of("k1")));
        var sessions = ListIdentitySessionsStep.operation(ID, Optional.of(true), PageRequest.first(10));
        var messages = ListCourierMessagesStep.operation(CourierQuery.to("ada@example.org").withStatus("sent"), PageRequest.first(5));

        assertEquals(List.of("page_size=10", "page_token=k1", "credentials_identifier=ada@example.org"), query(identities));
        assertEquals(List.of("page=1", "per_page=10", "active=true"), query(sessions));
        assertEquals(List.of("page_size=5", "recipient=ada@example.org", "status=sent"), query(messages));
        assertEquals(List.of("page_size=250", "ids=a", "ids=b"),
                query(ListIdentitiesStep.operation(IdentityQuery.byIds(List.of(IdentityId.of("a"), IdentityId.of("b"))), PageRequest.first())));
    }

    @Test
    void anIdentityListIsAPageOfAdminIdentities() {
        String body = "[" + Wire.body("identity/lookup-admin-after-confirm.200.json") + "]";
        String link = "</admin/identities?page_size=1&page_token=next1>; rel=\"next\"";

        var page = ListIdentitiesStep.outcome(Wire.of(200, Map.of("Link", link), body), PageRequest.first(1));

        assertEquals(ID, page.items().get(0).identity().id());
        assertEquals("next1", page.next().orElseThrow().pageToken().orElseThrow().value());
        assertTrue(ListIdentitySessionsStep.outcome(Wire.of(404, "{\"error\":{\"code\":404}}"), PageRequest.first()).items().isEmpty());
    }

    @Test
    void aRecoveryCodeIsASecretWithItsFlow() throws Exception {
        var call = CreateRecoveryCodeForIdentityStep.operation(ID, Optional.of(Duration.ofMinutes(15)), Optional.of("api"));
        JsonNode body = sent(call);
        var code = CreateRecoveryCodeForIdentityStep.outcome(Wire.of(201, "{\"recovery_link\":\"http://127.0.0.1:4433/self-service/"
                + "recovery?flow=2b9c1a5e-0000-4000-8000-000000000000\",\"recovery_code\":\"123456\",\"expires_at\":\"2026-12-02T03:00:00Z\"}"))
                .orElseThrow();

        assertEquals(ID.value(), body.path("identity_id").asText());
        assertEquals("900s", body.path("expires_in").asText());
        assertEquals("api", body.path("flow_type").asText());
        assertEquals("2b9c1a5e-0000-4000-8000-000000000000", code.flow().orElseThrow().value());
        assertEquals("123456", code.code().reveal());
        assertFalse(code.toString().contains("123456"));
        assertTrue(CreateRecoveryCodeForIdentityStep.outcome(Wire.of(404, "{\"error\":{\"code\":404}}")).isEmpty());
        assertThrows(InvalidInputException.class,
                () -> CreateRecoveryCodeForIdentityStep.operation(IdentityId.of("nope"), Optional.empty(), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> CreateRecoveryCodeForIdentityStep.goDuration(Duration.ofMillis(10)));
    }

    @Test
    void aCourierMessageBodyIsASecret() {
        String body = "[{\"id\":\"m1\",\"type\":\"email\",\"status\":\"sent\",\"recipient\":\"ada@example.org\",\"subject\":\"Recover access\","
                + "\"template_type\":\"recovery_code_valid\",\"body\":\"Your code is 654321\",\"send_count\":1,\"created_at\":\"2026-12-02T02:00:00Z\"}]";

        var message = ListCourierMessagesStep.outcome(Wire.of(200, body), PageRequest.first()).items().get(0);

        assertEquals("recovery_code_valid", message.templateType().orElseThrow());
        assertEquals("Your code is 654321", message.body().reveal());
        assertFalse(message.toString().contains("654321"));
        assertEquals(1, message.sendCount());
    }
}
