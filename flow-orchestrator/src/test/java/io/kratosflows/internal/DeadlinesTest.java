package io.kratosflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The deadline thread: cancels late calls once, leaves ended ones alone, wakes from its idle park, refuses after close. */
class DeadlinesTest {

    private static long in(long millis) {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Test
    void aCallPastItsDeadlineIsCancelledOnce() throws Exception {
        try (Deadlines deadlines = new Deadlines()) {
            CountDownLatch cancelled = new CountDownLatch(1);
            AtomicInteger cancels = new AtomicInteger();
            Deadlines.Call call = deadlines.start(in(30), () -> {
                cancels.incrementAndGet();
                cancelled.countDown();
            });
            assertFalse(call.fired(), "not before its time");

            assertTrue(cancelled.await(5, TimeUnit.SECONDS));
            assertTrue(call.fired());
            Thread.sleep(5 * Deadlines.TICK_MILLIS);
            call.close();
            assertEquals(1, cancels.get());
        }
    }

    @Test
    void aCallThatEndedInTimeIsNeverCancelled() throws Exception {
        try (Deadlines deadlines = new Deadlines()) {
            AtomicInteger cancels = new AtomicInteger();
            Deadlines.Call call = deadlines.start(in(40), cancels::incrementAndGet);
            call.close();
            Thread.sleep(40 + 10 * Deadlines.TICK_MILLIS);
            assertFalse(call.fired());
            assertEquals(0, cancels.get());
        }
    }

    @Test
    void aCallAfterAnIdleSpellStillGetsItsDeadline() throws Exception {
        try (Deadlines deadlines = new Deadlines()) {
            deadlines.start(in(0), () -> { }).close();
            Thread.sleep(1_500); // past the linger: the thread has parked
            CountDownLatch cancelled = new CountDownLatch(1);
            Deadlines.Call call = deadlines.start(in(20), cancelled::countDown);
            assertTrue(cancelled.await(5, TimeUnit.SECONDS), "the parked thread woke for the new call");
            assertTrue(call.fired());
        }
    }

    @Test
    void aFailingCancelDoesNotStopTheThread() throws Exception {
        try (Deadlines deadlines = new Deadlines()) {
            Deadlines.Call failing = deadlines.start(in(0), () -> {
                throw new IllegalStateException("socket already gone");
            });
            CountDownLatch cancelled = new CountDownLatch(1);
            Deadlines.Call next = deadlines.start(in(30), cancelled::countDown);
            assertTrue(cancelled.await(5, TimeUnit.SECONDS));
            assertTrue(failing.fired() && next.fired());
        }
    }

    @Test
    void noCallsAreTakenOnceClosed() {
        Deadlines deadlines = new Deadlines();
        deadlines.close();
        assertThrows(RejectedExecutionException.class, () -> deadlines.start(in(1_000), () -> { }));
    }
}
