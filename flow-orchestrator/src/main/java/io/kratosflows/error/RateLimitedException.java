package io.kratosflows.error;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Kratos, or a proxy in front of it, asked the client to slow down: HTTP 429 Too Many Requests (Ory
 * Network's and most gateways' rate limits) or 503 Service Unavailable. Nothing was processed; the
 * same call may be made again after {@link #retryAfter()}. Idempotent calls (starting and fetching
 * flows, whoami) can be retried automatically with {@code KratosConfig.Builder.retryPolicy}; a
 * submission never is, since it may carry a one-time code.
 */
public final class RateLimitedException extends KratosException {

    private static final long serialVersionUID = 1L;
    private final int status;
    private final transient Optional<Duration> retryAfter;
    private final OptionalLong limit;
    private final OptionalLong remaining;
    private final String requestId;

    /**
     * @param what       what was attempted
     * @param status     429 or 503
     * @param retryAfter the delay the server asked for ({@code Retry-After} or {@code x-ratelimit-reset}), when given
     * @param limit      {@code x-ratelimit-limit}, when given
     * @param remaining  {@code x-ratelimit-remaining}, when given
     * @param requestId  the request id, or null
     */
    public RateLimitedException(String what, int status, Optional<Duration> retryAfter, OptionalLong limit,
                                OptionalLong remaining, String requestId) {
        super(what + " (HTTP " + status + (status == 429 ? " Too Many Requests" : " Service Unavailable")
                + retryAfter.map(d -> ", retry after " + d.toMillis() + " ms").orElse("")
                + (requestId == null ? "" : ", Request: " + requestId) + ")", null);
        this.status = status;
        this.retryAfter = retryAfter;
        this.limit = limit;
        this.remaining = remaining;
        this.requestId = requestId;
    }

    /** {@return 429 or 503} */
    public int status() {
        return status;
    }

    /** {@return how long the server asked to wait, when it said} */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /** {@return the request limit of the current window ({@code x-ratelimit-limit}), when sent} */
    public OptionalLong limit() {
        return limit;
    }

    /** {@return the requests left in the current window ({@code x-ratelimit-remaining}), when sent} */
    public OptionalLong remaining() {
        return remaining;
    }

    /** {@return the request id, when sent} */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }
}
