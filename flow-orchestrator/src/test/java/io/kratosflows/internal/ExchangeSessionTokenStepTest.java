package io.kratosflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kratosflows.error.UnexpectedResponseException;
import io.kratosflows.session.TokenExchangeOutcome;
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
}
