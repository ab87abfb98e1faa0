package io.kratosflows.internal;

import io.kratosflows.PageRequest;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.session.LogoutOutcome;
import io.kratosflows.session.OtherSessionsRevokeOutcome;
import io.kratosflows.session.SessionListOutcome;
import io.kratosflows.session.SessionRevokeOutcome;
import io.kratosflows.session.Sessions;
import io.kratosflows.session.TokenExchangeOutcome;
import io.kratosflows.session.TokenizeAs;
import io.kratosflows.session.WhoamiOutcome;
import java.util.Objects;
import java.util.Optional;

/** {@link Sessions}: each method one step. */
final class DefaultSessions implements Sessions {

    private final Calls calls;

    DefaultSessions(Calls calls) {
        this.calls = calls;
    }

    @Override
    public WhoamiOutcome whoami(SessionToken token) {
        return ToSessionStep.run(calls, token);
    }

    @Override
    public WhoamiOutcome whoami(SessionToken token, TokenizeAs tokenizeAs) {
        return ToSessionStep.run(calls, token, Optional.of(Objects.requireNonNull(tokenizeAs, "tokenizeAs == null")));
    }

    @Override
    public LogoutOutcome logout(SessionToken token) {
        return PerformNativeLogoutStep.run(calls, token);
    }

    @Override
    public TokenExchangeOutcome exchangeToken(Secret initCode, Secret returnToCode) {
        return ExchangeSessionTokenStep.run(calls, initCode, returnToCode);
    }

    @Override
    public SessionListOutcome list(SessionToken token, PageRequest page) {
        return ListMySessionsStep.run(calls, token, page);
    }

    @Override
    public SessionRevokeOutcome revoke(SessionToken token, String sessionId) {
        return DisableMySessionStep.run(calls, token, sessionId);
    }

    @Override
    public OtherSessionsRevokeOutcome revokeOthers(SessionToken token) {
        return DisableMyOtherSessionsStep.run(calls, token);
    }
}
