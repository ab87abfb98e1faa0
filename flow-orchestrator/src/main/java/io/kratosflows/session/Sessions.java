package io.kratosflows.session;

import io.kratosflows.Secret;
import io.kratosflows.SessionToken;

/** Session calls of a native client: whoami, logout, token exchange. Thread-safe. Obtain from {@code Kratos.sessions()}. */
public interface Sessions {

    /** Checks a session token ({@code GET /sessions/whoami}, generated {@code toSession}). */
    WhoamiOutcome whoami(SessionToken token);

    /** Revokes a session ({@code DELETE /self-service/logout/api}, generated {@code performNativeLogout}). */
    LogoutOutcome logout(SessionToken token);

    /**
     * Exchanges the init code of a flow and the return-to code from the browser hand-over for a
     * session ({@code GET /sessions/token-exchange}, generated {@code exchangeSessionToken}).
     */
    TokenExchangeOutcome exchangeToken(Secret initCode, Secret returnToCode);
}
