package io.kratosflows.internal;

import io.kratosflows.RetryPolicy;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The retry decisions of one transport: the policy's backoff with full jitter, and the shared
 * budget, a token bucket in thousandths of a retry: every call deposits {@code ratio} of a retry,
 * every retry withdraws one; it starts at {@code floor} retries and never holds more (or one, for a
 * floor of 0). Retries are thus at most {@code max(floor, 1) + ratio * calls}, however many threads
 * share the client.
 */
final class Retries {

    private static final long ONE = 1000;

    private final RetryPolicy policy;
    private final long deposit;
    private final long capacity;
    private final AtomicLong balance;

    Retries(RetryPolicy policy) {
        this.policy = policy;
        this.deposit = Math.round(policy.budgetRatio() * ONE);
        this.capacity = Math.max(policy.budgetFloor(), 1) * ONE; // room for one retry, so a floor of 0 still allows the ratio
        this.balance = new AtomicLong(policy.budgetFloor() * ONE);
    }

    /** Counts a call (not a retry) towards the budget. */
    void called() {
        // A full bucket is the usual state: read before writing, so that threads sharing the client
        // do not all write the same cache line on every call.
        if (deposit > 0 && balance.get() < capacity) {
            balance.accumulateAndGet(deposit, (b, d) -> Math.min(capacity, b + d));
        }
    }

    /** {@return whether the policy allows another attempt after {@code attempts}} */
    boolean allows(int attempts) {
        return attempts < policy.maxAttempts();
    }

    /** {@return whether the budget has a retry left; takes it when so} */
    boolean take() {
        while (true) {
            long b = balance.get();
            if (b < ONE) {
                return false;
            }
            if (balance.compareAndSet(b, b - ONE)) {
                return true;
            }
        }
    }

    /**
     * {@return the delay before retry number {@code retry} (1 for the first), or empty when the
     * server asked for a longer wait than the policy honours}
     */
    Optional<Duration> delay(int retry, Optional<Duration> retryAfter) {
        if (retryAfter.filter(d -> d.compareTo(policy.maxBackoff()) > 0).isPresent()) {
            return Optional.empty();
        }
        long cap = policy.initialBackoff().toNanos() << Math.min(retry - 1, 20);
        cap = Math.min(cap <= 0 ? Long.MAX_VALUE : cap, policy.maxBackoff().toNanos());
        long jittered = ThreadLocalRandom.current().nextLong(cap + 1);
        long floor = retryAfter.map(Duration::toNanos).orElse(0L);
        return Optional.of(Duration.ofNanos(Math.max(jittered, floor)));
    }
}
