package io.kratosflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.RetryPolicy;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The backoff (capped, fully jittered, at least Retry-After) and the budget (ratio of calls plus a floor). */
class RetriesTest {

    private static final RetryPolicy POLICY = RetryPolicy.exponential(5, Duration.ofMillis(100), Duration.ofSeconds(1));

    @Test
    void delaysAreJitteredUnderTheExponentialCap() {
        Retries retries = new Retries(POLICY);
        for (int i = 0; i < 1_000; i++) {
            assertTrue(retries.delay(1, Optional.empty()).orElseThrow().compareTo(Duration.ofMillis(100)) <= 0);
            assertTrue(retries.delay(3, Optional.empty()).orElseThrow().compareTo(Duration.ofMillis(400)) <= 0);
            assertTrue(retries.delay(30, Optional.empty()).orElseThrow().compareTo(Duration.ofSeconds(1)) <= 0);
        }
    }

    @Test
    void retryAfterIsAFloorUpToTheCapAndBeyondItNoRetry() {
        Retries retries = new Retries(POLICY);

        assertTrue(retries.delay(1, Optional.of(Duration.ofMillis(700))).orElseThrow().compareTo(Duration.ofMillis(700)) >= 0);
        assertEquals(Optional.empty(), retries.delay(1, Optional.of(Duration.ofSeconds(2))));
    }

    @Test
    void attemptsAreCappedByThePolicy() {
        Retries retries = new Retries(POLICY);

        assertTrue(retries.allows(4));
        assertFalse(retries.allows(5));
        assertFalse(new Retries(RetryPolicy.none()).allows(1));
    }

    @Test
    void theBudgetIsTheFloorPlusTheRatioOfCalls() {
        Retries retries = new Retries(POLICY.withBudget(0.1, 3));
        int taken = 0;
        for (int call = 0; call < 100; call++) {
            retries.called();
            while (retries.take()) {
                taken++;
            }
        }
        assertTrue(taken <= 3 + 10 && taken >= 12, "retries taken: " + taken);
    }

    @Test
    void aFloorOfZeroStillAllowsTheRatio() {
        Retries retries = new Retries(POLICY.withBudget(0.5, 0));
        retries.called();
        assertFalse(retries.take());
        retries.called();
        assertTrue(retries.take());
    }

    @Test
    void policiesAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.exponential(1, Duration.ofMillis(1), Duration.ofMillis(1)));
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.exponential(3, Duration.ofMillis(10), Duration.ofMillis(1)));
        assertThrows(IllegalArgumentException.class, () -> POLICY.withBudget(1.5, 1));
        assertFalse(RetryPolicy.none().retries());
        assertEquals("RetryPolicy[none]", RetryPolicy.none().toString());
    }
}
