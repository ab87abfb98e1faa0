package io.kratosflows.examples;

import io.kratosflows.Kratos;
import io.kratosflows.PageRequest;
import io.kratosflows.SessionToken;
import io.kratosflows.session.SessionListOutcome;

/** The README's sessions example, compiled and run by {@code ReadmeExamplesTest}. Lines between the markers are the README's. */
final class MySessions {

    private MySessions() {
    }

    static SessionListOutcome run(Kratos kratos, SessionToken token, String otherSessionId) {
        // README:sessions:begin
        SessionListOutcome listed = kratos.sessions().list(token, PageRequest.first(50));  // Listed | NotSignedIn | SecondFactorRequired
        kratos.sessions().revoke(token, otherSessionId);   // Revoked (also for an unknown id) | CurrentSession | NotSignedIn
        kratos.sessions().revokeOthers(token);             // Revoked(count) | NotSignedIn; the token's own session stays
        // README:sessions:end
        return listed;
    }
}
