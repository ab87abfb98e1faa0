package io.kratosflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kratosflows.admin.AdminIdentity;
import io.kratosflows.admin.IdentityWriteOutcome;
import io.kratosflows.error.KratosError;
import io.kratosflows.session.OtherSessionsRevokeOutcome;
import io.kratosflows.session.SessionListOutcome;
import io.kratosflows.session.SessionRevokeOutcome;
import io.kratosflows.testing.Samples;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The session-list, revocation and identity-write outcomes: each variant calls its own handler method. */
class SessionAndAdminOutcomeHandlersTest {

    private static final KratosError ERROR = Samples.error(401, "session_inactive");

    @Test
    void sessionList() {
        SessionListOutcome.Handler<String> names = new SessionListOutcome.Handler<>() {
            public String listed(SessionListOutcome.Listed o) { return "listed"; }
            public String notSignedIn(SessionListOutcome.NotSignedIn o) { return "notSignedIn"; }
            public String secondFactorRequired(SessionListOutcome.SecondFactorRequired o) { return "secondFactorRequired"; }
        };
        List<SessionListOutcome> all = List.of(new SessionListOutcome.Listed(new Page<>(List.of(), OptionalLong.empty(), Optional.empty())),
                new SessionListOutcome.NotSignedIn(ERROR), new SessionListOutcome.SecondFactorRequired(ERROR, Optional.empty()));

        assertEquals(List.of("listed", "notSignedIn", "secondFactorRequired"), all.stream().map(o -> o.handle(names)).toList());
    }

    @Test
    void revocations() {
        SessionRevokeOutcome.Handler<String> one = new SessionRevokeOutcome.Handler<>() {
            public String revoked(SessionRevokeOutcome.Revoked o) { return "revoked"; }
            public String currentSession(SessionRevokeOutcome.CurrentSession o) { return "currentSession"; }
            public String notSignedIn(SessionRevokeOutcome.NotSignedIn o) { return "notSignedIn"; }
        };
        OtherSessionsRevokeOutcome.Handler<String> others = new OtherSessionsRevokeOutcome.Handler<>() {
            public String revoked(OtherSessionsRevokeOutcome.Revoked o) { return "revoked " + o.count(); }
            public String notSignedIn(OtherSessionsRevokeOutcome.NotSignedIn o) { return "notSignedIn"; }
        };

        assertEquals(List.of("revoked", "currentSession", "notSignedIn"), List.of(new SessionRevokeOutcome.Revoked(),
                new SessionRevokeOutcome.CurrentSession(ERROR), new SessionRevokeOutcome.NotSignedIn(ERROR)).stream()
                .map(o -> o.handle(one)).toList());
        assertEquals(List.of("revoked 2", "notSignedIn"), List.of(new OtherSessionsRevokeOutcome.Revoked(2),
                new OtherSessionsRevokeOutcome.NotSignedIn(ERROR)).stream().map(o -> o.handle(others)).toList());
        assertThrows(IllegalArgumentException.class, () -> new OtherSessionsRevokeOutcome.Revoked(-1));
    }

    @Test
    void identityWrites() {
        IdentityWriteOutcome.Handler<String> names = new IdentityWriteOutcome.Handler<>() {
            public String saved(IdentityWriteOutcome.Saved o) { return "saved"; }
            public String conflict(IdentityWriteOutcome.Conflict o) { return "conflict"; }
            public String invalid(IdentityWriteOutcome.Invalid o) { return "invalid"; }
            public String notFound(IdentityWriteOutcome.NotFound o) { return "notFound"; }
        };
        AdminIdentity identity = new AdminIdentity(new Identity(IdentityId.of("1d000000-0000-4000-8000-000000000000"), "default",
                Traits.email("ada@example.org"), Optional.of("active"), List.of(), List.of(), Optional.empty()), Map.of(), List.of(),
                Optional.empty());
        List<IdentityWriteOutcome> all = List.of(new IdentityWriteOutcome.Saved(identity), new IdentityWriteOutcome.Conflict(ERROR),
                new IdentityWriteOutcome.Invalid(ERROR), new IdentityWriteOutcome.NotFound(ERROR));

        assertEquals(List.of("saved", "conflict", "invalid", "notFound"), all.stream().map(o -> o.handle(names)).toList());
    }
}
