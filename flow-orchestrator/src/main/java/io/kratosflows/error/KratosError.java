package io.kratosflows.error;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The error Kratos answered with ({@code errorGeneric.error}): HTTP status, the stable error id
 * (e.g. {@code self_service_flow_expired}, {@code session_refresh_required}), reason, message,
 * details and the request id for support.
 *
 * <p>{@link #summary()} and {@link #toString()} print the status, the id and the request id only:
 * a reason or message is free text that can echo the request (a token, a password a proxy
 * reflected), so they print as their length and the details as their keys. Read {@link #message()}
 * and {@link #reason()} deliberately when you need Kratos's words.
 *
 * @param status    the HTTP status of the response
 * @param id        the error id, when Kratos sent one
 * @param reason    the reason, when sent (may be long)
 * @param message   the short message, when sent
 * @param requestId the request id ({@code error.request} or the {@code X-Request-Id} header), when sent
 * @param details   the {@code error.details} object, as JSON-like Java values
 */
public record KratosError(int status, Optional<String> id, Optional<String> reason, Optional<String> message,
                          Optional<String> requestId, Map<String, Object> details) {

    /** Copies the details. */
    public KratosError {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(reason, "reason == null");
        Objects.requireNonNull(message, "message == null");
        Objects.requireNonNull(requestId, "requestId == null");
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
    }

    /** {@return whether the error id equals the given id} */
    public boolean is(String errorId) {
        return id.map(errorId::equals).orElse(false);
    }

    /**
     * {@return one line for logs: status, error id and request id} Never the message or reason:
     * they are free text that may echo what was sent.
     */
    public String summary() {
        StringBuilder s = new StringBuilder("HTTP ").append(status);
        id.ifPresent(i -> s.append(", Error: ").append(i));
        requestId.ifPresent(r -> s.append(", Request: ").append(r));
        return s.toString();
    }

    /** Prints the free-text parts by their length and the details by their keys (see the type's notes). */
    @Override
    public String toString() {
        return "KratosError[status=" + status + ", id=" + id.orElse("") + ", requestId=" + requestId.orElse("")
                + ", reason=" + shown(reason) + ", message=" + shown(message) + ", details=" + details.keySet() + "]";
    }

    private static String shown(Optional<String> text) {
        return text.map(t -> "<" + t.length() + " chars>").orElse("<none>");
    }
}
