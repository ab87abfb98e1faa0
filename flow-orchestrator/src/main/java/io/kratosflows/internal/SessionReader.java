package io.kratosflows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kratosflows.Aal;
import io.kratosflows.Identity;
import io.kratosflows.IdentityId;
import io.kratosflows.Traits;
import io.kratosflows.session.Session;
import java.util.Optional;

/** Reads sessions and identities. Fields a newer Kratos adds are ignored; missing ones become empty. */
final class SessionReader {

    private SessionReader() {
    }

    /**
     * {@return the session, or empty when the JSON lacks an id} The identity stays empty when Kratos
     * left it out (assurance level not yet satisfied).
     */
    static Optional<Session> session(JsonNode s) {
        Optional<String> id = Json.text(s, "id");
        if (id.isEmpty()) {
            return Optional.empty();
        }
        var methods = Json.array(s, "authentication_methods").stream().map(m -> new Session.AuthenticationMethod(
                Json.text(m, "method", ""), Aal.fromWire(Json.text(m, "aal", null)), Json.instant(m, "completed_at"),
                Json.text(m, "provider"))).toList();
        var devices = Json.array(s, "devices").stream().filter(d -> Json.nonBlank(d, "id").isPresent())
                .map(d -> new Session.Device(d.path("id").textValue(), Json.nonBlank(d, "ip_address"),
                        Json.nonBlank(d, "user_agent"), Json.nonBlank(d, "location"))).toList();
        return Optional.of(new Session(id.get(), Json.bool(s, "active"),
                Aal.fromWire(Json.text(s, "authenticator_assurance_level", null)), methods, identity(s.path("identity")),
                Json.instant(s, "issued_at"), Json.instant(s, "authenticated_at"), Json.instant(s, "expires_at"), devices));
    }

    /** {@return the identity, or empty when the JSON is absent or lacks an id} */
    static Optional<Identity> identity(JsonNode i) {
        Optional<String> id = Json.text(i, "id").filter(v -> !v.isBlank());
        if (!i.isObject() || id.isEmpty()) {
            return Optional.empty();
        }
        JsonNode traits = i.path("traits");
        var verifiable = Json.array(i, "verifiable_addresses").stream().map(a -> new Identity.VerifiableAddress(
                Json.text(a, "value", ""), Json.text(a, "via", ""), Json.bool(a, "verified"), Json.text(a, "status", ""))).toList();
        var recovery = Json.array(i, "recovery_addresses").stream().map(a -> new Identity.RecoveryAddress(
                Json.text(a, "value", ""), Json.text(a, "via", ""))).toList();
        return Optional.of(new Identity(IdentityId.of(id.get()), Json.text(i, "schema_id", ""),
                Traits.of(traits.isObject() ? (ObjectNode) traits : Json.MAPPER.createObjectNode()),
                Json.text(i, "state"), verifiable, recovery, Json.instant(i, "created_at"), Json.map(i, "metadata_public"),
                Json.nonBlank(i, "external_id"), Json.nonBlank(i, "organization_id")));
    }
}
