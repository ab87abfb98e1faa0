package io.kratosflows.cli;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.hc.core5.http.HttpRequestInterceptor;
import org.apache.hc.core5.http.HttpResponseInterceptor;

/**
 * The HTTP exchanges the CLI made, as {@code METHOD /path?query -> status}, for the demo's
 * step-by-step output and {@code --verbose}. Query values that may be secret (token exchange codes)
 * are shown as {@code ***}; bodies and headers are never recorded.
 */
final class RequestTrace {

    /** Query parameters whose values are flow ids or switches, safe to show. */
    private static final Set<String> SHOWN_PARAMETERS = Set.of("flow", "id", "refresh", "aal", "via",
            "return_session_token_exchange_code", "return_to");

    /**
     * One exchange.
     *
     * @param method the HTTP method
     * @param path   the path with its (redacted) query
     * @param status the response status, empty when no response came
     */
    record Exchange(String method, String path, Optional<Integer> status) {
        Exchange {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(status, "status");
        }

        /** {@code GET /self-service/login/api -> 200}. */
        String line() {
            return method + " " + path + " -> " + status.map(String::valueOf).orElse("no answer");
        }
    }

    private final List<Exchange> exchanges = new ArrayList<>();

    HttpRequestInterceptor requestInterceptor() {
        return (request, entity, context) -> record(request.getMethod(), request.getPath());
    }

    HttpResponseInterceptor responseInterceptor() {
        return (response, entity, context) -> answered(response.getCode());
    }

    synchronized void record(String method, String pathAndQuery) {
        exchanges.add(new Exchange(method, redact(pathAndQuery), Optional.empty()));
    }

    synchronized void answered(int status) {
        for (int i = exchanges.size() - 1; i >= 0; i--) {
            Exchange e = exchanges.get(i);
            if (e.status().isEmpty()) {
                exchanges.set(i, new Exchange(e.method(), e.path(), Optional.of(status)));
                return;
            }
        }
    }

    /** The exchanges since the last call, oldest first; the trace is empty afterwards. */
    synchronized List<Exchange> drain() {
        List<Exchange> copy = List.copyOf(exchanges);
        exchanges.clear();
        return copy;
    }

    /** Keeps the path and the values of known-harmless parameters; every other value becomes {@code ***}. */
    static String redact(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        if (q < 0) {
            return pathAndQuery;
        }
        StringBuilder out = new StringBuilder(pathAndQuery.substring(0, q));
        String sep = "?";
        for (String pair : pathAndQuery.substring(q + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            out.append(sep).append(eq < 0 ? pair : pair.substring(0, eq));
            if (eq >= 0) {
                out.append('=').append(SHOWN_PARAMETERS.contains(name) ? pair.substring(eq + 1) : "***");
            }
            sep = "&";
        }
        return out.toString();
    }
}
