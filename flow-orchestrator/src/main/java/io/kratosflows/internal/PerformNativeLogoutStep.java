package io.kratosflows.internal;

import io.kratosflows.SessionToken;
import io.kratosflows.generated.api.FrontendApi;
import io.kratosflows.generated.model.PerformNativeLogoutBody;
import io.kratosflows.session.LogoutOutcome;
import java.util.Objects;

/** {@code performNativeLogout} ({@code DELETE /self-service/logout/api} with {@code {"session_token"}}) and its {@link LogoutOutcome}. */
final class PerformNativeLogoutStep {

    private PerformNativeLogoutStep() {
    }

    static LogoutOutcome run(Calls calls, SessionToken token) {
        Objects.requireNonNull(token, "token == null");
        return outcome(calls.submit("logout",
                FrontendApi.performNativeLogout().body(new PerformNativeLogoutBody().sessionToken(token.reveal()))));
    }

    static LogoutOutcome outcome(KratosResponse response) {
        if (response.status() == 204) {
            return new LogoutOutcome.LoggedOut();
        }
        if ((response.status() == 403 || response.status() == 401) && response.isError()) {
            return new LogoutOutcome.SessionNotFound(response.error());
        }
        throw response.failure("logout");
    }
}
