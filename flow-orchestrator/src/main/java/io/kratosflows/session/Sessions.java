package io.kratosflows.session;

import io.kratosflows.PageRequest;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;

/**
 * Session calls of a native client: whoami, logout, token exchange, and the signed-in user's own
 * other sessions (list, revoke one, revoke all others). Thread-safe. Obtain from {@code Kratos.sessions()}.
 *
 * <p>Methods added after the first release have defaults that throw
 * {@link UnsupportedOperationException}, so that a class of yours implementing this interface
 * (a test double) keeps compiling; the library's own implementation overrides them all.
 */
public interface Sessions {

    /** Checks a session token ({@code GET /sessions/whoami}, generated {@code toSession}). */
    WhoamiOutcome whoami(SessionToken token);

    /**
     * Checks a session token and returns the session as a signed JWT as well
     * ({@code GET /sessions/whoami?tokenize_as=}, generated {@code toSession}):
     * {@link WhoamiOutcome.Active#tokenized()}.
     *
     * @throws io.kratosflows.error.KratosErrorException HTTP 400 when the server has no such template
     */
    default WhoamiOutcome whoami(SessionToken token, TokenizeAs tokenizeAs) {
        throw new UnsupportedOperationException("whoami with tokenize_as");
    }

    /** Revokes a session ({@code DELETE /self-service/logout/api}, generated {@code performNativeLogout}). */
    LogoutOutcome logout(SessionToken token);

    /**
     * Exchanges the init code of a flow and the return-to code from the browser hand-over for a
     * session ({@code GET /sessions/token-exchange}, generated {@code exchangeSessionToken}).
     */
    TokenExchangeOutcome exchangeToken(Secret initCode, Secret returnToCode);

    /**
     * Lists one page of the other active sessions of the token's identity ({@code GET /sessions},
     * generated {@code listMySessions}); the token's own session is never in the list.
     */
    default SessionListOutcome list(SessionToken token, PageRequest page) {
        throw new UnsupportedOperationException("list my sessions");
    }

    /**
     * Revokes one other session of the token's identity by its id ({@code DELETE /sessions/{id}},
     * generated {@code disableMySession}).
     *
     * @param sessionId the id of the session to revoke, a UUID (e.g. {@link Session#id()} from {@link #list})
     * @throws io.kratosflows.error.InvalidInputException when the id is not a UUID; nothing is sent
     */
    default SessionRevokeOutcome revoke(SessionToken token, String sessionId) {
        throw new UnsupportedOperationException("revoke one of my sessions");
    }

    /**
     * Revokes every other session of the token's identity, keeping the token's own
     * ({@code DELETE /sessions}, generated {@code disableMyOtherSessions}).
     */
    default OtherSessionsRevokeOutcome revokeOthers(SessionToken token) {
        throw new UnsupportedOperationException("revoke my other sessions");
    }
}
