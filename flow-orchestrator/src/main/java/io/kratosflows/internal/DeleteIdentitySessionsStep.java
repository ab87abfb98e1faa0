package io.kratosflows.internal;

import io.kratosflows.IdentityId;
import io.kratosflows.generated.api.IdentityApi;
import java.util.Objects;

/** {@code deleteIdentitySessions} ({@code DELETE /admin/identities/{id}/sessions}): 204 deleted, 404 none there. */
final class DeleteIdentitySessionsStep {

    private DeleteIdentitySessionsStep() {
    }

    static boolean run(Calls calls, IdentityId id) {
        Objects.requireNonNull(id, "id == null");
        return outcome(calls.submit("delete identity sessions", IdentityApi.deleteIdentitySessions().id(id.value())));
    }

    static boolean outcome(KratosResponse response) {
        if (response.status() == 204) {
            return true;
        }
        if (response.status() == 404) {
            return false; // Kratos counts the deleted rows: none is a 404, whether or not the identity exists
        }
        throw response.failure("delete identity sessions");
    }
}
