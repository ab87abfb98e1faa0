package io.kratosflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kratosflows.error.UnexpectedResponseException;
import io.kratosflows.session.TokenExchangeOutcome;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.error.InvalidInputException;
import io.kratosflows.error.KratosErrorException;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.junit.jupiter.api.Test;

/** Token exchange outcomes: issued, refused, and bodies that are neither. */
class ExchangeSessionTokenStepTest {

    @Test
    void unknownCodesAreRejected() {
        var rejected = assertInstanceOf(TokenExchangeOutcome.Rejected.class,
                ExchangeSessionTokenStep.outcome(Wire.recorded("session/token-exchange-unknown.404.json")));

        assertEquals(404, rejected.error().status());
    }

    @Test
    void validCodesIssueASessionAndToken() {
        String session = Wire.recorded("session/whoami.200.json").json().toString();

        var exchanged = assertInstanceOf(TokenExchangeOutcome.Exchanged.class,
                ExchangeSessionTokenStep.outcome(Wire.of(200, "{\"session\":" + session + ",\"session_token\":\"ory_st_abc\"}")));

        assertEquals("ory_st_abc", exchanged.token().reveal());
    }

    @Test
    void aTokenThatIsNotTextOrASessionMissingIsUnexpected() {
        String session = Wire.recorded("session/whoami.200.json").json().toString();

        assertThrows(UnexpectedResponseException.class,
                () -> ExchangeSessionTokenStep.outcome(Wire.of(200, "{\"session\":" + session + ",\"session_token\":\"\"}")));
        assertThrows(UnexpectedResponseException.class,
                () -> ExchangeSessionTokenStep.outcome(Wire.of(200, "{\"session\":" + session + ",\"session_token\":{}}")));
        assertThrows(UnexpectedResponseException.class,
                () -> ExchangeSessionTokenStep.outcome(Wire.of(200, "{\"session_token\":\"ory_st_abc\"}")));
    }

    @Test
    void runSendsBothCodesAsAGet() {
        var sent = FakeCalls.exchange("session/token-exchange-unknown.404.json",
                calls -> ExchangeSessionTokenStep.run(calls, Secret.of("init-1"), Secret.of("rtc-1")));

        assertEquals("GET /sessions/token-exchange?init_code=init-1&return_to_code=rtc-1",
                sent.line());
        assertInstanceOf(TokenExchangeOutcome.Rejected.class, sent.outcome());
        assertThrows(NullPointerException.class, () -> ExchangeSessionTokenStep.run(FakeCalls.OFFLINE, null, Secret.of("x")));
    }

    @Test
    void onlyForbiddenNotFoundAndGoneErrorsAreRejections() {
        for (int status : new int[] {403, 404, 410}) {
            var rejected = ExchangeSessionTokenStep.outcome(Wire.of(status, "{\"error\":{\"code\":" + status + "}}"));
            assertEquals(status, assertInstanceOf(TokenExchangeOutcome.Rejected.class, rejected).error().status());
        }
        assertThrows(KratosErrorException.class, () -> ExchangeSessionTokenStep.outcome(Wire.of(400, "{\"error\":{\"code\":400}}")));
        assertThrows(UnexpectedResponseException.class, () -> ExchangeSessionTokenStep.outcome(Wire.of(404, "not found")));
        String session = Wire.recorded("session/whoami.200.json").json().toString();
        assertThrows(UnexpectedResponseException.class,
                () -> ExchangeSessionTokenStep.outcome(Wire.of(201, "{\"session\":" + session + ",\"session_token\":\"ory_st_abc\"}")));
    }
}
