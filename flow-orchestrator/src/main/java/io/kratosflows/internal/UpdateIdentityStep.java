package io.kratosflows.internal;

import io.kratosflows.IdentityId;
import io.kratosflows.admin.IdentityUpdate;
import io.kratosflows.admin.IdentityWriteOutcome;
import io.kratosflows.generated.api.IdentityApi;
import io.kratosflows.generated.model.UpdateIdentityBody;
import java.util.Objects;

/**
 * {@code updateIdentity} ({@code PUT /admin/identities/{id}}) and its {@link IdentityWriteOutcome}.
 * Kratos replaces the metadata with what is sent, so empty metadata is sent as {@code {}}.
 */
final class UpdateIdentityStep {

    private UpdateIdentityStep() {
    }

    static IdentityWriteOutcome run(Calls calls, IdentityId id, IdentityUpdate update) {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(update, "update == null");
        return outcome(calls.submit("replace identity", operation(id, update)));
    }

    static IdentityApi.UpdateIdentityCall operation(IdentityId id, IdentityUpdate update) {
        UpdateIdentityBody body = new UpdateIdentityBody().schemaId(update.schemaId()).traits(update.traits().json())
                .metadataPublic(update.metadataPublic()).metadataAdmin(update.metadataAdmin());
        ModelProperties.set(body, "state", update.state(), "updateIdentity");
        update.externalId().ifPresent(externalId -> ModelProperties.set(body, "external_id", externalId, "updateIdentity"));
        update.password().map(CreateIdentityStep::password).ifPresent(body::credentials);
        return IdentityApi.updateIdentity().id(id.value()).body(body);
    }

    static IdentityWriteOutcome outcome(KratosResponse response) {
        return CreateIdentityStep.written("replace identity", response, 200);
    }
}
