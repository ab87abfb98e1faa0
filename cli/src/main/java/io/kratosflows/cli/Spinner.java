package io.kratosflows.cli;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * A status line on standard error for waits longer than a second ({@code | waiting for the code
 * (3 s)}), cleared when the wait ends. Off with {@code --quiet} or when there is no terminal, so
 * pipes and logs never see carriage returns.
 */
final class Spinner implements AutoCloseable {

    private static final Duration SHOW_AFTER = Duration.ofSeconds(1);
    private static final String FRAMES = "|/-\\";

    private final PrintWriter err;
    private final String what;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean shown;

    private Spinner(PrintWriter err, String what) {
        this.err = err;
        this.what = what;
        this.thread = new Thread(this::spin, "kratos-flows-spinner");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Runs {@code work} with a spinner on {@code err}, or without one when {@code enabled} is false. */
    static <T> T during(boolean enabled, PrintWriter err, String what, java.util.function.Supplier<T> work) {
        if (!enabled) {
            return work.get();
        }
        Spinner spinner = new Spinner(err, what);
        try {
            return work.get();
        } finally {
            spinner.close();
        }
    }

    private void spin() {
        long start = System.nanoTime();
        int frame = 0;
        try {
            Thread.sleep(SHOW_AFTER.toMillis());
            while (running) {
                long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
                synchronized (err) {
                    err.print("\r" + FRAMES.charAt(frame++ % FRAMES.length()) + " " + what + " (" + seconds + " s)");
                    err.flush();
                }
                shown = true;
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (shown) {
            synchronized (err) {
                err.print("\r" + " ".repeat(what.length() + 16) + "\r");
                err.flush();
            }
        }
    }
}
