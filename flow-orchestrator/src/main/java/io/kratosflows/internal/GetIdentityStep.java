package io.kratosflows.internal;

import io.kratosflows.IdentityId;
import io.kratosflows.admin.AdminIdentity;
import io.kratosflows.generated.api.IdentityApi;
import java.util.Objects;
import java.util.Optional;

/** {@code getIdentity} ({@code GET /admin/identities/{id}}): 200 the identity, 404 none. */
final class GetIdentityStep {

    private GetIdentityStep() {
    }

    static Optional<AdminIdentity> run(Calls calls, IdentityId id) {
        Objects.requireNonNull(id, "id == null");
        return outcome(calls.read("get identity", IdentityApi.getIdentity().id(id.value())));
    }

    static Optional<AdminIdentity> outcome(KratosResponse response) {
        if (response.status() == 200) {
            return Optional.of(AdminReader.identity(response.json())
                    .orElseThrow(() -> response.unexpected("get identity answered without an identity")));
        }
        if (response.status() == 404) {
            return Optional.empty();
        }
        throw response.failure("get identity");
    }
}
