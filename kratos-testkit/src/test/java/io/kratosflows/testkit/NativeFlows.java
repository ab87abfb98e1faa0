package io.kratosflows.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Just enough of Kratos's native self-service API, in plain {@code java.net.http}, for the kit's
 * own tests to make Kratos send mail: start a flow, submit JSON to its {@code ui.action}. Always
 * {@code Accept: application/json}, never a cookie or an Origin header.
 */
final class NativeFlows {

    /** A response: HTTP status and JSON body. */
    record Answer(int status, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            // Plain-http Kratos speaks HTTP/1.1; this skips the h2c upgrade headers on every call.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI publicUrl;

    NativeFlows(URI publicUrl) {
        this.publicUrl = publicUrl;
    }

    /** {@code GET /self-service/<flow>/api}: a new native flow. */
    JsonNode start(String flow) {
        Answer answer = send(HttpRequest.newBuilder(publicUrl.resolve("self-service/" + flow + "/api"))
                .GET());
        if (answer.status() != 200) {
            throw new AssertionError("starting " + flow + " answered " + answer);
        }
        return answer.body();
    }

    /** {@code POST <ui.action>} with a JSON body. */
    Answer submit(JsonNode flow, String jsonBody) {
        return send(HttpRequest.newBuilder(URI.create(flow.path("ui").path("action").asText()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request
                    .header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body().isEmpty()
                    ? JSON.missingNode() : JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a recovery code to {@code email} (an existing identity's address). */
    Answer requestRecoveryCode(String email) {
        return submit(start("recovery"), "{\"method\":\"code\",\"email\":\"" + email + "\"}");
    }

    /** Starts a code registration for a new {@code email}: Kratos mails a registration code. */
    Answer requestRegistrationCode(String email) {
        return submit(start("registration"),
                "{\"method\":\"code\",\"traits\":{\"email\":\"" + email + "\"}}");
    }
}
