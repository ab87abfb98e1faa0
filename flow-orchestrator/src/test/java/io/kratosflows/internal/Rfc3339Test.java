package io.kratosflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fast timestamp reader agrees with {@link OffsetDateTime#parse} and refuses what is not a time. */
class Rfc3339Test {

    @Test
    void readsKratosTimestampsLikeTheJdk() {
        for (String text : List.of("2026-11-28T01:21:56.398945434Z", "2026-11-28T01:21:56.41353016Z", "2026-11-28T01:21:56Z",
                "2026-11-28T01:21:56.1Z", "2024-02-29T23:59:59.999999999+02:00", "1999-12-31T00:00:00-05:30",
                "2026-01-01T00:00:00.000001z", "2026-11-28t01:21:56Z", "2026-11-28T01:21:56.123+0100".replace("+0100", "+01:00"))) {
            assertEquals(OffsetDateTime.parse(text.replace('t', 'T').replace('z', 'Z')).toInstant(), Rfc3339.parse(text), text);
        }
    }

    @Test
    void refusesWhatIsNotATimestamp() {
        for (String text : List.of("", "2026", "2026-02-30T00:00:00Z", "2026-11-28T25:00:00Z", "2026-11-28T01:61:00Z",
                "2026-11-28T01:21:56.1234567891Z", "2026-11-28T01:21:56", "2026-11-28T01:21:56+1:00",
                "yesterday at noon", "2026-11-28 01:21:56Z", "2026-11-28T01:21:56+24:00")) {
            assertNull(Rfc3339.parse(text), text);
        }
    }

    @Test
    void fallsBackToTheJdkForOtherSpellings() {
        assertEquals(Instant.parse("2026-11-28T00:21:56Z"), Rfc3339.parse("2026-11-28T01:21:56+01:00"));
    }
}
