package io.kratosflows.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Fixtures are found by name, with their status in the name. */
class RecordedResponsesTest {

    @Test
    void recordedStatusIsReadFromTheFileName() {
        assertEquals(410, RecordedResponses.status("login/submit-expired.410.json"));
    }

    @Test
    void anUnknownFixtureIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> RecordedResponses.body("login/nothing.200.json"));

        assertEquals("no fixture v26.2.0/login/nothing.200.json", e.getMessage());
        assertTrue(RecordedResponses.body("login/create.200.json").startsWith("{"));
    }
}
