package io.kratosflows.internal;

import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.session.LogoutOutcome;
import io.kratosflows.session.Sessions;
import io.kratosflows.session.TokenExchangeOutcome;
import io.kratosflows.session.WhoamiOutcome;

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
    public LogoutOutcome logout(SessionToken token) {
        return PerformNativeLogoutStep.run(calls, token);
    }

    @Override
    public TokenExchangeOutcome exchangeToken(Secret initCode, Secret returnToCode) {
        return ExchangeSessionTokenStep.run(calls, initCode, returnToCode);
    }
}
