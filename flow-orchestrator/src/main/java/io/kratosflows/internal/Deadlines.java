package io.kratosflows.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The call deadlines of one {@link Transport}: a call registers how to cancel it and the time it must
 * end by, and one daemon thread cancels it (closing its connection) once that time has passed, checking every
 * {@link #TICK_MILLIS} ms while calls are in flight and parking when there have been none for a
 * second. The thread starts with the first call, as the executor it replaces started its own.
 *
 * <p>Why not a {@code ScheduledThreadPoolExecutor}: scheduling and cancelling a task per call
 * allocates a task and takes the executor's one queue lock twice, which every thread of a busy
 * client contends for. Registering here is an add to and a remove from a concurrent set (16 threads
 * submitting on 2 cores: 770 against 822 µs a call, three alternate runs each; within this
 * machine's noise). A deadline fires up to one tick late.
 */
final class Deadlines implements AutoCloseable {

    /** How often in-flight calls are checked, in milliseconds: how late a deadline may fire. */
    static final long TICK_MILLIS = 10;
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS);
    /** How long the thread keeps ticking after the last call, so that steady traffic never has to wake it. */
    private static final long LINGER_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Set<Call> inFlight = ConcurrentHashMap.newKeySet();
    private final Thread reaper;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean parked;
    private volatile boolean closed;

    Deadlines() {
        reaper = new Thread(this::run, "kratos-flows-deadlines");
        reaper.setDaemon(true);
    }

    /** One registered call: {@link #fired()} tells whether its deadline cancelled it. Close it when the call ends. */
    final class Call implements AutoCloseable {
        private final long endsAt;
        private final Runnable cancel;
        private volatile boolean fired;

        private Call(long endsAt, Runnable cancel) {
            this.endsAt = endsAt;
            this.cancel = cancel;
        }

        /** {@return whether the deadline passed and the request was cancelled} */
        boolean fired() {
            return fired;
        }

        @Override
        public void close() {
            inFlight.remove(this);
        }
    }

    /**
     * Registers a call that must end by {@code endsAt} ({@link System#nanoTime()} time).
     *
     * @throws RejectedExecutionException once {@link #close()} has been called
     */
    Call start(long endsAt, Runnable cancel) {
        if (closed) {
            throw new RejectedExecutionException("closed");
        }
        Call call = new Call(endsAt, cancel);
        inFlight.add(call);
        if (!started.get() && started.compareAndSet(false, true)) {
            reaper.start(); // on the first call: a client that never calls costs no thread
        }
        // Read after the add: either the thread sees this call before it parks, or this sees it parked.
        if (parked) {
            LockSupport.unpark(reaper);
        }
        return call;
    }

    private void run() {
        long lastBusy = System.nanoTime();
        while (!closed) {
            long now = System.nanoTime();
            if (!inFlight.isEmpty()) {
                lastBusy = now;
                for (Call call : inFlight) {
                    if (now - call.endsAt >= 0 && !call.fired) {
                        // The flag first: the caller, woken by the closed socket, may look before cancel() returns.
                        call.fired = true;
                        cancel(call.cancel);
                    }
                }
            } else if (now - lastBusy > LINGER_NANOS) {
                parked = true;
                if (inFlight.isEmpty() && !closed) {
                    LockSupport.park(this);
                }
                parked = false;
                lastBusy = System.nanoTime();
                continue;
            }
            LockSupport.parkNanos(this, TICK_NANOS);
        }
    }

    private static void cancel(Runnable cancel) {
        try {
            cancel.run();
        } catch (RuntimeException e) {
            // Closing the socket failed: the call still ends by its socket timeout, and the thread must live on.
        }
    }

    /** Stops the thread; calls in flight keep their other timeouts, new ones are refused. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(reaper); // nothing to wake if no call ever started it
    }
}
