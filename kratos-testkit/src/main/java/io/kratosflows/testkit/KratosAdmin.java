package io.kratosflows.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The few calls to Kratos's admin API that test set-up needs: create, read and delete identities,
 * list an identity's sessions, read the courier queue and the version. Plain
 * {@code java.net.http} and Jackson (not the project's generated client, so the kit stays
 * independent of what it tests); redirects are never followed.
 *
 * <p>Endpoints: {@code POST/GET/DELETE /admin/identities[/{id}]},
 * {@code GET /admin/identities/{id}/sessions}, {@code GET /admin/courier/messages},
 * {@code GET /admin/version}. Any unexpected status becomes a {@link KratosAdminException}.
 *
 * <p>Versions: every admin endpoint lives under {@code /admin/} since Kratos v0.9. v26.2 also
 * answers the old unprefixed paths ({@code /version}, {@code /health/ready},
 * {@code /courier/messages}), but v25.4 and v1.3 answer them with {@code 307} to the
 * {@code /admin/} path, which this client (it follows no redirects) would report as an error; so
 * it calls only {@code /admin/} paths.
 */
public final class KratosAdmin {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI adminUrl;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    private KratosAdmin(URI adminUrl) {
        this.adminUrl = Objects.requireNonNull(adminUrl, "adminUrl");
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                // Plain-http Kratos speaks HTTP/1.1; this skips the h2c upgrade headers on every call.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .build();
    }

    /** An admin client for the Kratos admin API at {@code adminUrl} (for example {@code http://127.0.0.1:4434/}). */
    public static KratosAdmin connect(URI adminUrl) {
        return new KratosAdmin(adminUrl);
    }

    /** The admin API base URL this client calls. */
    public URI adminUrl() {
        return adminUrl;
    }

    /**
     * Creates an identity of the default schema with {@code email} as its trait, {@code password}
     * as its password credential, and the address already verified (so login needs no
     * verification step).
     *
     * @return the new identity's id
     */
    public String createIdentity(String email, String password) {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
        ObjectNode body = json.createObjectNode();
        body.put("schema_id", "default");
        body.putObject("traits").put("email", email);
        body.putObject("credentials").putObject("password").putObject("config")
                .put("password", password);
        ObjectNode address = body.putArray("verifiable_addresses").addObject();
        address.put("value", email);
        address.put("verified", true);
        address.put("via", "email");
        address.put("status", "completed");
        return createIdentity(body);
    }

    /**
     * Creates an identity from a full request body ({@code POST /admin/identities}, Kratos's
     * {@code createIdentityBody}).
     *
     * @return the new identity's id
     */
    public String createIdentity(ObjectNode body) {
        Objects.requireNonNull(body, "body");
        JsonNode created = send("POST", "/admin/identities", body, 201);
        String id = created.path("id").asText("");
        if (id.isEmpty()) {
            throw new IllegalStateException("Kratos created an identity but sent no id");
        }
        return id;
    }

    /** The identity with {@code id} ({@code GET /admin/identities/{id}}). */
    public JsonNode getIdentity(String id) {
        return send("GET", "/admin/identities/" + segment(id), null, 200);
    }

    /** Deletes the identity with {@code id} ({@code DELETE /admin/identities/{id}}, 204). */
    public void deleteIdentity(String id) {
        send("DELETE", "/admin/identities/" + segment(id), null, 204);
    }

    /** The sessions of an identity, a JSON array ({@code GET /admin/identities/{id}/sessions}). */
    public JsonNode listSessions(String identityId) {
        return send("GET", "/admin/identities/" + segment(identityId) + "/sessions", null, 200);
    }

    /**
     * The courier messages queued for {@code recipient}, oldest first
     * ({@code GET /admin/courier/messages?recipient=…}).
     */
    public List<CourierMessage> courierMessages(String recipient) {
        Objects.requireNonNull(recipient, "recipient");
        JsonNode list = send("GET", "/admin/courier/messages?recipient="
                + URLEncoder.encode(recipient, StandardCharsets.UTF_8), null, 200);
        List<CourierMessage> messages = new ArrayList<>();
        list.forEach(node -> messages.add(CourierMessage.fromJson(node)));
        messages.sort(Comparator.comparing(CourierMessage::createdAt));
        return List.copyOf(messages);
    }

    /**
     * The version of the Kratos behind this admin API: {@code GET /admin/version}, falling back to
     * {@code GET /version} only on a 404 (servers from before v0.9, which had no {@code /admin/}).
     */
    public KratosVersion version() {
        JsonNode body;
        try {
            body = send("GET", "/admin/version", null, 200);
        } catch (KratosAdminException e) {
            if (e.status() != 404) {
                throw e;
            }
            body = send("GET", "/version", null, 200);
        }
        return KratosVersion.parse(body.path("version").asText(""));
    }

    private JsonNode send(String method, String pathAndQuery, JsonNode body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(pathAndQuery))
                .timeout(TIMEOUT)
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        String path = pathAndQuery.replaceFirst("\\?.*", "");
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Kratos admin " + method + " " + path + " at "
                    + adminUrl + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during Kratos admin " + method + " " + path, e);
        }
        if (response.statusCode() != expected) {
            throw new KratosAdminException(method, path, response.statusCode(), response.body());
        }
        if (response.body().isEmpty()) {
            return json.missingNode();
        }
        try {
            return json.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new KratosAdminException(method, path, response.statusCode(),
                    "(not JSON) " + response.body());
        }
    }

    private URI resolve(String pathAndQuery) {
        String base = adminUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + pathAndQuery);
    }

    private String write(JsonNode body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request body cannot be written as JSON", e);
        }
    }

    private static String segment(String id) {
        Objects.requireNonNull(id, "id");
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Shows the admin URL only. */
    @Override
    public String toString() {
        return "KratosAdmin[" + adminUrl + "]";
    }
}
