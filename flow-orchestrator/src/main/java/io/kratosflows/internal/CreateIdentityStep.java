package io.kratosflows.internal;

import io.kratosflows.Secret;
import io.kratosflows.admin.IdentityWriteOutcome;
import io.kratosflows.admin.NewIdentity;
import io.kratosflows.generated.api.IdentityApi;
import io.kratosflows.generated.model.CreateIdentityBody;
import io.kratosflows.generated.model.IdentityWithCredentials;
import io.kratosflows.generated.model.IdentityWithCredentialsPassword;
import io.kratosflows.generated.model.IdentityWithCredentialsPasswordConfig;
import java.util.Objects;

/**
 * {@code createIdentity} ({@code POST /admin/identities}) and its {@link IdentityWriteOutcome}.
 * {@code external_id} and {@code state} are set by name: the first is missing from v1.x specs, the
 * second is an enum whose generated type differs between specs.
 */
final class CreateIdentityStep {

    private CreateIdentityStep() {
    }

    static IdentityWriteOutcome run(Calls calls, NewIdentity identity) {
        Objects.requireNonNull(identity, "identity == null");
        return outcome(calls.submit("create identity", operation(identity)));
    }

    static IdentityApi.CreateIdentityCall operation(NewIdentity identity) {
        CreateIdentityBody body = new CreateIdentityBody().schemaId(identity.schemaId()).traits(identity.traits().json())
                .recoveryAddresses(null).verifiableAddresses(null); // the generator starts lists empty: send none, Kratos derives them
        if (!identity.metadataPublic().isEmpty()) {
            body.metadataPublic(identity.metadataPublic());
        }
        if (!identity.metadataAdmin().isEmpty()) {
            body.metadataAdmin(identity.metadataAdmin());
        }
        identity.password().map(CreateIdentityStep::password).ifPresent(body::credentials);
        identity.state().ifPresent(state -> ModelProperties.set(body, "state", state, "createIdentity"));
        identity.externalId().ifPresent(id -> ModelProperties.set(body, "external_id", id, "createIdentity"));
        return IdentityApi.createIdentity().body(body);
    }

    static IdentityWithCredentials password(Secret password) {
        return new IdentityWithCredentials().password(new IdentityWithCredentialsPassword()
                .config(new IdentityWithCredentialsPasswordConfig().password(password.reveal())));
    }

    static IdentityWriteOutcome outcome(KratosResponse response) {
        return written("create identity", response, 201);
    }

    /** The answers creating and replacing share. */
    static IdentityWriteOutcome written(String what, KratosResponse response, int success) {
        int status = response.status();
        if (status == success) {
            return new IdentityWriteOutcome.Saved(AdminReader.identity(response.json())
                    .orElseThrow(() -> response.unexpected(what + " answered without an identity")));
        }
        if (status == 409 && response.isError()) {
            return new IdentityWriteOutcome.Conflict(response.error());
        }
        if (status == 400 && response.isError()) {
            return new IdentityWriteOutcome.Invalid(response.error());
        }
        if (status == 404 && response.isError()) {
            return new IdentityWriteOutcome.NotFound(response.error());
        }
        throw response.failure(what);
    }

}
