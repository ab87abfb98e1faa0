package io.kratosflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.SessionToken;
import io.kratosflows.error.InvalidInputException;
import io.kratosflows.error.KratosErrorException;
import io.kratosflows.session.OtherSessionsRevokeOutcome;
import io.kratosflows.session.SessionRevokeOutcome;
import org.junit.jupiter.api.Test;

/** Revoking one or all other sessions, from recorded Kratos v26.2.0 answers. */
class DisableMySessionStepTest {

    private static final SessionToken TOKEN = SessionToken.of("ory_st_test");

    @Test
    void anotherSessionIsRevoked() {
        assertInstanceOf(SessionRevokeOutcome.Revoked.class,
                DisableMySessionStep.outcome(Wire.recordedWithHeaders("session/delete-one-other.204.headers.json")));
        assertInstanceOf(SessionRevokeOutcome.Revoked.class,
                DisableMySessionStep.outcome(Wire.recordedWithHeaders("session/delete-unknown-id.204.headers.json")));
    }

    @Test
    void theCurrentSessionIsRefused() {
        var outcome = DisableMySessionStep.outcome(Wire.recorded("session/delete-current.400.json"));

        var current = assertInstanceOf(SessionRevokeOutcome.CurrentSession.class, outcome);
        assertEquals("cannot revoke current session", current.error().message().orElseThrow());
    }

    @Test
    void noTokenIsNotSignedIn() {
        assertInstanceOf(SessionRevokeOutcome.NotSignedIn.class,
                DisableMySessionStep.outcome(Wire.recorded("session/list-mine-no-token.401.json")));
    }

    @Test
    void onlyAUuidIsSent() {
        var bad = assertThrows(InvalidInputException.class, () -> DisableMySessionStep.operation(TOKEN, "whoami"));
        assertThrows(InvalidInputException.class, () -> DisableMySessionStep.operation(TOKEN, "not-a-uuid"));
        assertThrows(InvalidInputException.class, () -> DisableMySessionStep.operation(TOKEN, "1-1-1-1-1"));

        var call = DisableMySessionStep.operation(TOKEN, "c79b0ce2-3ef8-44bf-a521-6e3d47a40d32");
        assertEquals("/sessions/c79b0ce2-3ef8-44bf-a521-6e3d47a40d32", call.path());
        assertEquals("DELETE", call.method());
        assertTrue(bad.getMessage().contains("sessionId"));
    }

    @Test
    void anOddAnswerIsAFailure() {
        assertThrows(KratosErrorException.class, () -> DisableMySessionStep.outcome(Wire.of(500, "{\"error\":{\"code\":500}}")));
        assertThrows(io.kratosflows.error.UnexpectedResponseException.class, () -> DisableMySessionStep.outcome(Wire.of(400, "")));
    }

    @Test
    void allOtherSessionsAreRevokedWithTheirCount() {
        var revoked = assertInstanceOf(OtherSessionsRevokeOutcome.Revoked.class,
                DisableMyOtherSessionsStep.outcome(Wire.recorded("session/delete-others.200.json")));

        assertEquals(3, revoked.count());
        assertInstanceOf(OtherSessionsRevokeOutcome.NotSignedIn.class,
                DisableMyOtherSessionsStep.outcome(Wire.recorded("session/list-mine-no-token.401.json")));
        assertThrows(io.kratosflows.error.UnexpectedResponseException.class,
                () -> DisableMyOtherSessionsStep.outcome(Wire.of(200, "{\"count\":\"three\"}")));
        assertThrows(io.kratosflows.error.UnexpectedResponseException.class,
                () -> DisableMyOtherSessionsStep.outcome(Wire.of(200, "{\"count\":-1}")));
        assertEquals("/sessions", DisableMyOtherSessionsStep.operation(TOKEN).path());
    }
}
