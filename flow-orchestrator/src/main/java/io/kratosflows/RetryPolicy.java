package io.kratosflows;

import java.time.Duration;
import java.util.Objects;

/**
 * When an idempotent call is repeated: after Kratos (or a proxy) answered 429 Too Many Requests or
 * 503 Service Unavailable, or after a connection could not be made. Only calls that may run twice
 * are ever repeated: starting and fetching flows and whoami. A submission (a password, a one-time
 * code), a logout or a token exchange is sent at most once, whatever the policy.
 *
 * <p>Delays grow exponentially with full jitter (a random delay between zero and
 * {@code min(maxBackoff, initialBackoff * 2^(retry-1))}), but never less than the server's
 * {@code Retry-After}. When the server asks for longer than {@code maxBackoff}, or the delay would
 * pass the call's deadline ({@link KratosConfig#callTimeout()}), the call is not repeated and the
 * {@link io.kratosflows.error.RateLimitedException} reaches the caller.
 *
 * <p>A retry budget shared by all calls of one {@code Kratos} keeps retries from multiplying load
 * on a struggling server: retries are at most {@code budgetRatio} of the calls made plus
 * {@code budgetFloor} (by default 10 % of calls plus 10). Immutable and thread-safe.
 *
 * <pre>{@code
 * KratosConfig.builder().publicUrl(url)
 *         .retryPolicy(RetryPolicy.exponential(3, Duration.ofMillis(100), Duration.ofSeconds(2)))
 *         .build();
 * }</pre>
 */
public final class RetryPolicy {

    private static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 0, 0);

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final double budgetRatio;
    private final int budgetFloor;

    private RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double budgetRatio, int budgetFloor) {
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.budgetRatio = budgetRatio;
        this.budgetFloor = budgetFloor;
    }

    /** {@return the default: no call is repeated (a 429 or 503 is a {@code RateLimitedException} at once)} */
    public static RetryPolicy none() {
        return NONE;
    }

    /**
     * {@return a policy that repeats idempotent calls with capped exponential backoff and full jitter}
     * The budget is 10 % of calls plus 10; change it with {@link #withBudget}.
     *
     * @param maxAttempts    attempts in all, the first included (2 to 10)
     * @param initialBackoff the cap of the first delay (at least 1 ms)
     * @param maxBackoff     the cap of every delay, and the longest {@code Retry-After} honoured (at least initialBackoff)
     * @throws IllegalArgumentException when a value is out of range
     */
    public static RetryPolicy exponential(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        Objects.requireNonNull(initialBackoff, "initialBackoff == null");
        Objects.requireNonNull(maxBackoff, "maxBackoff == null");
        if (maxAttempts < 2 || maxAttempts > 10) {
            throw new IllegalArgumentException("maxAttempts must be between 2 and 10, got " + maxAttempts);
        }
        if (initialBackoff.toMillis() < 1) {
            throw new IllegalArgumentException("initialBackoff must be at least 1 ms, got " + initialBackoff);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0 || maxBackoff.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("maxBackoff must be between initialBackoff and 1 h, got " + maxBackoff);
        }
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, 0.1, 10);
    }

    /**
     * {@return this policy with another retry budget}
     *
     * @param ratio retries allowed per call made, between 0 and 1 (0.1: one retry per ten calls)
     * @param floor retries allowed beyond the ratio, e.g. for the first calls (0 to 1000)
     */
    public RetryPolicy withBudget(double ratio, int floor) {
        if (!(ratio >= 0 && ratio <= 1)) {
            throw new IllegalArgumentException("ratio must be between 0 and 1, got " + ratio);
        }
        if (floor < 0 || floor > 1000) {
            throw new IllegalArgumentException("floor must be between 0 and 1000, got " + floor);
        }
        return this == NONE ? NONE : new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, ratio, floor);
    }

    /** {@return whether any call is ever repeated} */
    public boolean retries() {
        return maxAttempts > 1;
    }

    /** {@return attempts in all, the first included (1 for {@link #none()})} */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** {@return the cap of the first delay} */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** {@return the cap of every delay and the longest {@code Retry-After} honoured} */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** {@return the retries allowed per call made} */
    public double budgetRatio() {
        return budgetRatio;
    }

    /** {@return the retries allowed beyond the ratio} */
    public int budgetFloor() {
        return budgetFloor;
    }

    @Override
    public String toString() {
        return retries() ? "RetryPolicy[maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff + ", maxBackoff="
                + maxBackoff + ", budget=" + budgetRatio + " of calls + " + budgetFloor + "]" : "RetryPolicy[none]";
    }
}
