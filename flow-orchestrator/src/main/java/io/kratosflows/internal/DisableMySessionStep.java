package io.kratosflows.internal;

import io.kratosflows.SessionToken;
import io.kratosflows.error.InvalidInputException;
import io.kratosflows.generated.api.FrontendApi;
import io.kratosflows.session.SessionRevokeOutcome;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** {@code disableMySession} ({@code DELETE /sessions/{id}} with {@code X-Session-Token}) and its {@link SessionRevokeOutcome}. */
final class DisableMySessionStep {

    static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private DisableMySessionStep() {
    }

    static SessionRevokeOutcome run(Calls calls, SessionToken token, String sessionId) {
        Objects.requireNonNull(token, "token == null");
        return outcome(calls.submit("revoke one of my sessions", operation(token, sessionId)));
    }

    /**
     * {@return the operation} Only a UUID is sent: Kratos answers {@code DELETE /sessions/whoami}
     * as whoami, and any other text with 400.
     */
    static FrontendApi.DisableMySessionCall operation(SessionToken token, String sessionId) {
        Objects.requireNonNull(sessionId, "sessionId == null");
        if (!UUID.matcher(sessionId).matches()) {
            throw new InvalidInputException("disableMySession", List.of("sessionId: must be a session id (a UUID)"));
        }
        return FrontendApi.disableMySession().id(sessionId).xSessionToken(token.reveal());
    }

    static SessionRevokeOutcome outcome(KratosResponse response) {
        switch (response.status()) {
            case 204:
                return new SessionRevokeOutcome.Revoked();
            case 400:
                // With a UUID sent, Kratos's only 400 is "cannot revoke current session".
                if (response.isError()) {
                    return new SessionRevokeOutcome.CurrentSession(response.error());
                }
                throw response.failure("revoke one of my sessions");
            case 401:
                return new SessionRevokeOutcome.NotSignedIn(response.error());
            default:
                throw response.failure("revoke one of my sessions");
        }
    }
}
