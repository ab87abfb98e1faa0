package io.kratosflows.internal;

import io.kratosflows.error.InvalidInputException;
import io.kratosflows.generated.api.IdentityApi;
import java.util.List;
import java.util.Objects;

/** {@code disableSession} ({@code DELETE /admin/sessions/{id}}): 204 revoked, 404 unknown. */
final class DisableSessionStep {

    private DisableSessionStep() {
    }

    static boolean run(Calls calls, String sessionId) {
        return outcome(calls.submit("revoke session", operation(sessionId)));
    }

    static IdentityApi.DisableSessionCall operation(String sessionId) {
        Objects.requireNonNull(sessionId, "sessionId == null");
        if (!DisableMySessionStep.UUID.matcher(sessionId).matches()) {
            throw new InvalidInputException("disableSession", List.of("sessionId: must be a session id (a UUID)"));
        }
        return IdentityApi.disableSession().id(sessionId);
    }

    static boolean outcome(KratosResponse response) {
        if (response.status() == 204) {
            return true;
        }
        if (response.status() == 404) {
            return false;
        }
        throw response.failure("revoke session");
    }
}
