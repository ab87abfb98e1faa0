package io.kratosflows.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A deliberately plain client of Kratos's public API for setting up provider states: JSON in and
 * out, {@code Accept: application/json}, no redirects, no cookies. It does not use kratos-flows, so
 * a bug in the library under test cannot make a provider state look right.
 */
final class KratosPublic {

    /** One answer: status and JSON body (missing when empty or not JSON). */
    record Answer(int status, JsonNode body) {
        /** {@return the body, after checking the status} */
        JsonNode expect(int expected, String what) {
            if (status != expected) {
                throw new IllegalStateException(what + ": expected HTTP " + expected + " but Kratos answered " + status
                        + " " + excerpt(body));
            }
            return body;
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final String base;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();

    KratosPublic(URI publicUrl) {
        String url = publicUrl.toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    Answer get(String pathAndQuery, String token) {
        return send("GET", pathAndQuery, null, token);
    }

    Answer post(String pathAndQuery, JsonNode body, String token) {
        return send("POST", pathAndQuery, body, token);
    }

    private Answer send(String method, String pathAndQuery, JsonNode body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(TIMEOUT)
                .header("Accept", "application/json");
        if (token != null) {
            request.header("X-Session-Token", token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), parse(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + pathAndQuery.replaceFirst("\\?.*", "") + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    /**
     * What went wrong, for failure messages, without secrets: the {@code error} object when there is
     * one, otherwise the message ids of a flow (flows can carry TOTP secrets and backup codes).
     */
    static String excerpt(JsonNode body) {
        if (body.path("error").isObject()) {
            return body.path("error").toString().replaceAll("ory_st_\\w+", "ory_st_***");
        }
        if (body.path("ui").isObject()) {
            List<String> ids = new ArrayList<>();
            body.path("ui").path("messages").forEach(m -> ids.add(m.path("id").asText()));
            body.path("ui").path("nodes").forEach(n -> n.path("messages").forEach(m -> ids.add(m.path("id").asText())));
            return "a flow in state " + body.path("state").asText("?") + " with messages " + ids;
        }
        return body.isMissingNode() ? "<no JSON body>" : "<a JSON body of another shape>";
    }
}
