package io.kratosflows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.generated.model.PerformNativeLogoutBody;
import io.kratosflows.session.LogoutOutcome;
import io.kratosflows.session.Session;
import io.kratosflows.session.Sessions;
import io.kratosflows.session.TokenExchangeOutcome;
import io.kratosflows.session.WhoamiOutcome;
import java.util.Objects;

/** {@link Sessions} over the generated {@code FrontendApi}. */
final class DefaultSessions implements Sessions {

    private final KratosHttp http;

    DefaultSessions(KratosHttp http) {
        this.http = http;
    }

    @Override
    public WhoamiOutcome whoami(SessionToken token) {
        Objects.requireNonNull(token, "token == null");
        WireResponse response = http.call("whoami", api -> api.toSession(token.reveal(), null, null));
        JsonNode body = response.jsonOrMissing();
        switch (response.status()) {
            case 200:
                return SessionReader.session(body).<WhoamiOutcome>map(WhoamiOutcome.Active::new)
                        .orElseThrow(() -> response.unexpected("whoami answered without a session"));
            case 401:
                return new WhoamiOutcome.NotSignedIn(ErrorReader.read(response));
            case 403:
                if (ErrorReader.id(response).filter("session_aal2_required"::equals).isPresent()) {
                    return new WhoamiOutcome.SecondFactorRequired(ErrorReader.read(response), FlowResponses.browserUrl(response));
                }
                throw FlowResponses.failure("whoami", response);
            default:
                throw FlowResponses.failure("whoami", response);
        }
    }

    @Override
    public LogoutOutcome logout(SessionToken token) {
        Objects.requireNonNull(token, "token == null");
        WireResponse response = http.call("logout",
                api -> api.performNativeLogout(new PerformNativeLogoutBody().sessionToken(token.reveal())));
        if (response.status() == 204) {
            return new LogoutOutcome.LoggedOut();
        }
        if ((response.status() == 403 || response.status() == 401) && FlowResponses.isError(response.jsonOrMissing())) {
            return new LogoutOutcome.SessionNotFound(ErrorReader.read(response));
        }
        throw FlowResponses.failure("logout", response);
    }

    @Override
    public TokenExchangeOutcome exchangeToken(Secret initCode, Secret returnToCode) {
        Objects.requireNonNull(initCode, "initCode == null");
        Objects.requireNonNull(returnToCode, "returnToCode == null");
        WireResponse response = http.call("session token exchange",
                api -> api.exchangeSessionToken(initCode.reveal(), returnToCode.reveal()));
        JsonNode body = response.jsonOrMissing();
        if (response.status() == 200 && body.hasNonNull("session_token")) {
            Session session = SessionReader.session(body.path("session"))
                    .orElseThrow(() -> response.unexpected("token exchange answered without a session"));
            return new TokenExchangeOutcome.Exchanged(session, SessionToken.of(body.path("session_token").asText()));
        }
        int s = response.status();
        if ((s == 403 || s == 404 || s == 410) && FlowResponses.isError(body)) {
            return new TokenExchangeOutcome.Rejected(ErrorReader.read(response));
        }
        throw FlowResponses.failure("session token exchange", response);
    }
}
