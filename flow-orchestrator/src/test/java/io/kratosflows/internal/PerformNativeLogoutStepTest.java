package io.kratosflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kratosflows.SessionToken;
import io.kratosflows.error.KratosErrorException;
import io.kratosflows.error.UnexpectedResponseException;
import io.kratosflows.session.LogoutOutcome;
import org.junit.jupiter.api.Test;

/** Logout outcomes: 204 is done; an unknown or revoked token is SessionNotFound; anything else is a failure. */
class PerformNativeLogoutStepTest {

    @Test
    void runDeletesTheSessionWithTheTokenInTheBody() {
        var sent = FakeCalls.exchange(204, "", calls -> PerformNativeLogoutStep.run(calls, SessionToken.of("ory_st_bye")));

        assertEquals("DELETE /self-service/logout/api", sent.line());
        assertEquals(FakeCalls.tree("{\"session_token\":\"ory_st_bye\"}"), sent.body());
        assertInstanceOf(LogoutOutcome.LoggedOut.class, sent.outcome());
        assertThrows(NullPointerException.class, () -> PerformNativeLogoutStep.run(FakeCalls.OFFLINE, null));
    }

    @Test
    void anUnknownTokenIsSessionNotFound() {
        var notFound = assertInstanceOf(LogoutOutcome.SessionNotFound.class,
                PerformNativeLogoutStep.outcome(Wire.recorded("session/logout-unknown-token.403.json")));
        var unauthorized = assertInstanceOf(LogoutOutcome.SessionNotFound.class,
                PerformNativeLogoutStep.outcome(Wire.of(401, "{\"error\":{\"code\":401}}")));

        assertEquals(403, notFound.error().status());
        assertEquals(401, unauthorized.error().status());
    }

    @Test
    void anythingElseIsAFailure() {
        assertThrows(UnexpectedResponseException.class, () -> PerformNativeLogoutStep.outcome(Wire.of(403, "forbidden")));
        assertThrows(UnexpectedResponseException.class, () -> PerformNativeLogoutStep.outcome(Wire.of(200, "{}")));
        assertThrows(KratosErrorException.class, () -> PerformNativeLogoutStep.outcome(Wire.of(400, "{\"error\":{\"code\":400}}")));
        assertThrows(KratosErrorException.class, () -> PerformNativeLogoutStep.outcome(Wire.of(500, "{\"error\":{\"code\":500}}")));
    }
}
