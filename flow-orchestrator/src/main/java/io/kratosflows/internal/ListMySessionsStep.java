package io.kratosflows.internal;

import io.kratosflows.PageRequest;
import io.kratosflows.SessionToken;
import io.kratosflows.generated.api.FrontendApi;
import io.kratosflows.session.SessionListOutcome;
import java.util.Objects;

/**
 * {@code listMySessions} ({@code GET /sessions} with {@code X-Session-Token}) and its
 * {@link SessionListOutcome}; paged by page number (see {@link Pages} for why not by token).
 */
final class ListMySessionsStep {

    private ListMySessionsStep() {
    }

    static SessionListOutcome run(Calls calls, SessionToken token, PageRequest page) {
        Objects.requireNonNull(token, "token == null");
        Objects.requireNonNull(page, "page == null");
        return outcome(calls.read("list my sessions", operation(token, page)), page);
    }

    static FrontendApi.ListMySessionsCall operation(SessionToken token, PageRequest page) {
        return Pages.numbered(FrontendApi.listMySessions().xSessionToken(token.reveal()), page);
    }

    static SessionListOutcome outcome(KratosResponse response, PageRequest asked) {
        switch (response.status()) {
            case 200:
                return new SessionListOutcome.Listed(Pages.readNumbered("list my sessions", response, asked, SessionReader::session));
            case 401:
                return new SessionListOutcome.NotSignedIn(response.error());
            case 403:
                if (response.errorIs("session_aal2_required")) {
                    return new SessionListOutcome.SecondFactorRequired(response.error(), FlowAnswers.browserUrl(response));
                }
                throw response.failure("list my sessions");
            default:
                throw response.failure("list my sessions");
        }
    }
}
