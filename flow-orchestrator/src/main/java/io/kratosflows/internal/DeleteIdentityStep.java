package io.kratosflows.internal;

import io.kratosflows.IdentityId;
import io.kratosflows.generated.api.IdentityApi;
import java.util.Objects;

/** {@code deleteIdentity} ({@code DELETE /admin/identities/{id}}): 204 deleted, 404 unknown. */
final class DeleteIdentityStep {

    private DeleteIdentityStep() {
    }

    static boolean run(Calls calls, IdentityId id) {
        Objects.requireNonNull(id, "id == null");
        return outcome(calls.submit("delete identity", IdentityApi.deleteIdentity().id(id.value())));
    }

    static boolean outcome(KratosResponse response) {
        if (response.status() == 204) {
            return true;
        }
        if (response.status() == 404) {
            return false;
        }
        throw response.failure("delete identity");
    }
}
