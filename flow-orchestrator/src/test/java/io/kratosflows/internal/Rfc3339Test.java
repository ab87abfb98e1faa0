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

    @Test
    void theFastPathReadsGoSpellingsItselfAndExactly() {
        for (String text : List.of("2026-11-28T01:21:56.398945434Z", "2026-11-28T01:21:56.41353016Z", "2026-11-28T01:21:56Z",
                "2026-11-28T01:21:56.1Z", "2024-02-29T23:59:59.999999999+02:00", "1999-12-31T00:00:00-05:30", "0001-01-01T00:00:00Z",
                "2026-01-01T00:00:00.000001z", "2026-11-28T01:21:56.123+01:00", "2026-10-19T18:47:08-00:01", "0000-01-01T00:00:00Z")) {
            assertEquals(OffsetDateTime.parse(text.replace('z', 'Z')).toInstant(), Rfc3339.fast(text), text);
        }
    }

    @Test
    void theFastPathTakesOffsetsUpTo23Hours59() {
        // Beyond the JDK's ±18:00, so there is no fallback to compare with: the arithmetic is checked by hand.
        assertEquals(Instant.parse("9999-12-31T00:00:59Z"), Rfc3339.fast("9999-12-31T23:59:59+23:59"));
        assertEquals(Instant.parse("2026-01-01T23:59:00Z"), Rfc3339.fast("2026-01-01T00:00:00-23:59"));
    }

    @Test
    void theFastPathLeavesEveryOtherSpellingToTheFallback() {
        for (String text : List.of("2026-11-28t01:21:56Z", "2026-11-28T01:21:56+0100", "2026-11-28T01:21:56.Z", "2026-11-28T01:21:56,1Z",
                "2026-11-28T01:21:56.1234567891Z", "2026-11-28T01:21:56ZZ", "2026-11-28T01:21:56+01:00:00", "2026-11-28T01:21:56+01-00",
                "2026/11-28T01:21:56Z", "2026-11/28T01:21:56Z", "2026-11-28T01-21:56Z", "2026-11-28T01:21-56Z", "2026-11-28T01:21:56X",
                "2026-11-28T01:21:5aZ", "20a6-11-28T01:21:56Z", "2026-1a-28T01:21:56Z", "2026-11-2aT01:21:56Z", "2026-11-28T0a:21:56Z",
                "2026-11-28T01:2a:56Z", "2026-11-28T24:00:00Z", "2026-11-28T01:60:00Z", "2026-11-28T01:21:60Z", "2026-13-28T01:21:56Z",
                "2026-11-28T01:21:56+24:00", "2026-11-28T01:21:56+01:60", "2026-11-28T01:21:56+a1:00", "2026-11-28T01:21:56+01:a0",
                "2026-11-28T01:21:56-01:0/", "2026-11-28T01:21:56.12:3Z", "2026-11-28T01:21:56./Z", "2026-11-28T01:21:56.:Z", "2026-11-28T01:21:5/Z",
                "2026-11-28T01:21:5:Z", "2026-11-28T01:21:56.123", "2026-11-28T01:21:56.123456789", "2026-11-28T01:21:56_01:00")) {
            assertNull(Rfc3339.fast(text), text);
        }
    }
}
