package io.kratosflows;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One HTTP exchange kratos-flows made with Kratos, as an {@link ExchangeListener} sees it: the
 * method, the path with its query, the status and the time taken. Never a header or a body; query
 * values that can be secret (token exchange codes) are {@code ***}.
 *
 * @param method   the HTTP method, e.g. {@code POST}
 * @param path     the path and query, e.g. {@code /self-service/login?flow=3f1b...}
 * @param status   the response status; empty when no response arrived (unreachable, timeout)
 * @param duration the time from sending to the full response or the failure
 */
public record HttpExchange(String method, String path, OptionalInt status, Duration duration) {

    /** Query parameters whose values are ids or switches, safe to show; all others print as {@code ***}. */
    static final Set<String> SHOWN_PARAMETERS = Set.of("flow", "id", "refresh", "aal", "via",
            "return_session_token_exchange_code", "return_to", "organization", "identity_schema", "tokenize_as");

    /** Requires every component. */
    public HttpExchange {
        Objects.requireNonNull(method, "method == null");
        Objects.requireNonNull(path, "path == null");
        Objects.requireNonNull(status, "status == null");
        Objects.requireNonNull(duration, "duration == null");
    }

    /** {@return {@code GET /self-service/login/api -> 200}, or {@code -> no answer}} */
    public String line() {
        return method + " " + path + " -> " + (status.isPresent() ? String.valueOf(status.getAsInt()) : "no answer");
    }

    /** {@return a query value as it may be shown: itself for ids and switches, {@code ***} otherwise} */
    public static String shownValue(String parameter, String value) {
        return SHOWN_PARAMETERS.contains(parameter) ? value : "***";
    }
}
