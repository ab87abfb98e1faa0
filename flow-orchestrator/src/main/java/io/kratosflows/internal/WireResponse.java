package io.kratosflows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.kratosflows.error.UnexpectedResponseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One HTTP response as Kratos sent it: status, headers (case-insensitive) and body text. The
 * dispatchers of each outcome read it; nothing here throws on odd bodies until asked for JSON.
 *
 * @param status  the HTTP status
 * @param headers the response headers, names compared case-insensitively
 * @param body    the body text ({@code ""} when empty)
 */
public record WireResponse(int status, Map<String, List<String>> headers, String body) {

    private static final Pattern TOKEN = Pattern.compile("ory_(st|ht|ac|rt)_[A-Za-z0-9]+");
    private static final Pattern SECRET_FIELD = Pattern.compile(
            "(\"(?:session_token|ory_session_token|password|code|lookup_secret|totp_code|secret)\"\\s*:\\s*\")[^\"]*\"");

    /** Copies the headers into a case-insensitive map. */
    public WireResponse {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> {
            if (k != null) {
                copy.put(k, List.copyOf(v));
            }
        });
        headers = java.util.Collections.unmodifiableMap(copy);
        body = body == null ? "" : body;
    }

    /** {@return the first value of a header} */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** {@return the body as JSON, or a missing node when it is empty or not JSON} */
    public JsonNode jsonOrMissing() {
        if (body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    /** {@return whether the body is a JSON object with the given field} */
    public boolean has(String field) {
        return jsonOrMissing().has(field);
    }

    /** {@return the request id Kratos or a proxy attached, when any} */
    public Optional<String> requestId() {
        return header("X-Request-Id").or(() -> Json.text(jsonOrMissing().path("error"), "request"));
    }

    /** {@return the Location header of a redirect} */
    public Optional<String> location() {
        return header("Location");
    }

    /** {@return an exception for a response that cannot be mapped to an outcome} */
    public UnexpectedResponseException unexpected(String what) {
        return unexpected(what, null);
    }

    /** {@return an exception for a response that cannot be mapped, with the parse failure} */
    public UnexpectedResponseException unexpected(String what, Throwable cause) {
        return new UnexpectedResponseException(what, status, header("Content-Type").orElse(""),
                excerpt(body), requestId().orElse(null), cause);
    }

    /** {@return up to 300 characters of a body, with tokens and secret-looking fields redacted} */
    static String excerpt(String body) {
        String redacted = SECRET_FIELD.matcher(TOKEN.matcher(body).replaceAll("ory_$1_***")).replaceAll("$1***\"");
        String oneLine = redacted.replaceAll("\\s+", " ").trim();
        if (oneLine.isEmpty()) {
            return "<empty>";
        }
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
    }

    @Override
    public String toString() {
        return "WireResponse[status=" + status + ", contentType="
                + header("Content-Type").orElse("").toLowerCase(Locale.ROOT) + ", body=" + excerpt(body) + "]";
    }
}
