package io.kratosflows.internal;

import io.kratosflows.IdentityId;
import io.kratosflows.SessionToken;
import io.kratosflows.error.KratosError;
import io.kratosflows.generated.api.FrontendApi;
import io.kratosflows.session.Session;
import io.kratosflows.session.SessionJwt;
import io.kratosflows.session.TokenizeAs;
import io.kratosflows.session.WhoamiOutcome;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code toSession} ({@code GET /sessions/whoami} with {@code X-Session-Token}, optionally
 * {@code ?tokenize_as=}) and its {@link WhoamiOutcome}.
 */
final class ToSessionStep {

    private ToSessionStep() {
    }

    static WhoamiOutcome run(Calls calls, SessionToken token) {
        return run(calls, token, Optional.empty());
    }

    static WhoamiOutcome run(Calls calls, SessionToken token, Optional<TokenizeAs> tokenizeAs) {
        Objects.requireNonNull(token, "token == null");
        return outcome(calls.read("whoami", operation(token, tokenizeAs)));
    }

    static FrontendApi.ToSessionCall operation(SessionToken token, Optional<TokenizeAs> tokenizeAs) {
        return FrontendApi.toSession().xSessionToken(token.reveal()).tokenizeAs(tokenizeAs.map(TokenizeAs::template).orElse(null));
    }

    static WhoamiOutcome outcome(KratosResponse response) {
        switch (response.status()) {
            case 200:
                Session session = SessionReader.session(response.json())
                        .orElseThrow(() -> response.unexpected("whoami answered without a session"));
                if (!session.active()) {
                    // Kratos itself answers 401 session_inactive; a 200 saying inactive is no sign-in either.
                    return new WhoamiOutcome.NotSignedIn(new KratosError(200, Optional.of("session_inactive"),
                            Optional.of("the session is not active"), Optional.empty(), response.requestId(), Map.of()));
                }
                return new WhoamiOutcome.Active(session,
                        response.header("X-Kratos-Authenticated-Identity-Id").filter(v -> !v.isBlank()).map(IdentityId::of),
                        Json.nonBlank(response.json(), "tokenized").map(SessionJwt::of));
            case 401:
                return new WhoamiOutcome.NotSignedIn(response.error());
            case 403:
                if (response.errorIs("session_aal2_required")) {
                    return new WhoamiOutcome.SecondFactorRequired(response.error(), FlowAnswers.browserUrl(response));
                }
                throw response.failure("whoami");
            default:
                throw response.failure("whoami");
        }
    }
}
