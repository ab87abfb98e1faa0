package io.kratosflows.internal;

import io.kratosflows.SessionToken;
import io.kratosflows.generated.api.FrontendApi;
import io.kratosflows.session.OtherSessionsRevokeOutcome;
import java.util.Objects;

/** {@code disableMyOtherSessions} ({@code DELETE /sessions} with {@code X-Session-Token}) and its {@link OtherSessionsRevokeOutcome}. */
final class DisableMyOtherSessionsStep {

    private DisableMyOtherSessionsStep() {
    }

    static OtherSessionsRevokeOutcome run(Calls calls, SessionToken token) {
        Objects.requireNonNull(token, "token == null");
        return outcome(calls.submit("revoke my other sessions", operation(token)));
    }

    static FrontendApi.DisableMyOtherSessionsCall operation(SessionToken token) {
        return FrontendApi.disableMyOtherSessions().xSessionToken(token.reveal());
    }

    static OtherSessionsRevokeOutcome outcome(KratosResponse response) {
        switch (response.status()) {
            case 200:
                long count = Json.longValue(response.json(), "count")
                        .orElseThrow(() -> response.unexpected("revoke my other sessions answered without a count"));
                if (count < 0) {
                    throw response.unexpected("revoke my other sessions answered with a negative count");
                }
                return new OtherSessionsRevokeOutcome.Revoked(count);
            case 401:
                return new OtherSessionsRevokeOutcome.NotSignedIn(response.error());
            default:
                throw response.failure("revoke my other sessions");
        }
    }
}
