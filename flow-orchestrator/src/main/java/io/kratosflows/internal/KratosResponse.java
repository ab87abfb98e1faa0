package io.kratosflows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.kratosflows.error.KratosError;
import io.kratosflows.error.KratosErrorException;
import io.kratosflows.error.KratosException;
import io.kratosflows.error.UnexpectedResponseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP response as Kratos sent it: status, headers and the body bytes, parsed as JSON at most
 * once however many questions the dispatchers ask of it. A body that is empty or not JSON reads as
 * a missing node, so every question has an answer and nothing throws until an outcome is decided.
 * Confined to the thread that made the call.
 */
final class KratosResponse {

    private static final String[] NO_HEADERS = {};

    private final int status;
    private final String[] headers; // name, value, name, value, ...: a handful, searched linearly
    private final byte[] body;
    private JsonNode json;
    private String parseProblem; // never the parser's message: it quotes the body

    KratosResponse(int status, String[] headers, byte[] body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    /** {@return a response with a UTF-8 body and no headers} (tests and synthetic answers) */
    static KratosResponse of(int status, String body) {
        return new KratosResponse(status, NO_HEADERS, body.getBytes(StandardCharsets.UTF_8));
    }

    /** {@return a response with headers given as a map} */
    static KratosResponse of(int status, Map<String, String> headers, String body) {
        List<String> flat = new ArrayList<>();
        headers.forEach((k, v) -> {
            flat.add(k);
            flat.add(v);
        });
        return new KratosResponse(status, flat.toArray(String[]::new), body.getBytes(StandardCharsets.UTF_8));
    }

    int status() {
        return status;
    }

    byte[] body() {
        return body;
    }

    /** {@return the first value of a header, names compared case-insensitively} */
    Optional<String> header(String name) {
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase(name)) {
                return Optional.of(headers[i + 1]);
            }
        }
        return Optional.empty();
    }

    /** {@return the body as JSON, parsed once; a missing node when it is empty, not JSON, or beyond the limits} */
    JsonNode json() {
        if (json == null) {
            if (body.length == 0) {
                json = MissingNode.getInstance();
            } else {
                try {
                    json = Json.parse(body);
                } catch (IOException e) {
                    parseProblem = problem(e);
                    json = MissingNode.getInstance();
                }
            }
        }
        return json;
    }

    private static String problem(IOException e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null) {
            return e.getClass().getSimpleName() + " at line " + j.getLocation().getLineNr() + ", column "
                    + j.getLocation().getColumnNr();
        }
        return e.getClass().getSimpleName();
    }

    /** {@return whether the body is a flow: a JSON object with {@code id} and {@code ui}} */
    boolean isFlow() {
        JsonNode body = json();
        return body.isObject() && body.path("id").isTextual() && !body.path("id").textValue().isBlank()
                && body.path("ui").isObject();
    }

    /** {@return whether the body is Kratos's error envelope} */
    boolean isError() {
        JsonNode body = json();
        return body.isObject() && body.path("error").isObject();
    }

    /** {@return the error id of an error envelope, when it has one} */
    Optional<String> errorId() {
        return Json.text(json().path("error"), "id");
    }

    /** {@return whether the error envelope has this id} */
    boolean errorIs(String id) {
        return errorId().filter(id::equals).isPresent();
    }

    /** {@return the error of the response; fields Kratos did not send are empty, even for an odd body} */
    KratosError error() {
        return ErrorReader.read(this);
    }

    /** {@return the request id Kratos or a proxy attached, when any} */
    Optional<String> requestId() {
        return header("X-Request-Id").or(() -> Json.nonBlank(json().path("error"), "request"));
    }

    /** {@return the Location header of a redirect} */
    Optional<String> location() {
        return header("Location");
    }

    /** {@return the exception for a response that cannot be mapped to an outcome} */
    UnexpectedResponseException unexpected(String what) {
        String excerpt = Redaction.excerpt(body, json());
        return new UnexpectedResponseException(parseProblem == null ? what : what + " (" + parseProblem + ")", status,
                header("Content-Type").orElse(""), excerpt, requestId().orElse(null), null);
    }

    /**
     * {@return the exception for a response no outcome covers} A Kratos error envelope becomes a
     * {@link KratosErrorException}; anything else an {@link UnexpectedResponseException}.
     */
    KratosException failure(String what) {
        return isError() ? new KratosErrorException(what, error()) : unexpected(what + ": unexpected answer");
    }

    @Override
    public String toString() {
        return "KratosResponse[status=" + status + ", contentType=" + header("Content-Type").orElse("")
                + ", body=" + Redaction.excerpt(body, json()) + "]";
    }
}
