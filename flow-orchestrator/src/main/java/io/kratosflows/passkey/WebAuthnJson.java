package io.kratosflows.passkey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kratosflows.ui.Ui;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** JSON and base64url helpers shared by the passkey types; WebAuthn's JSON forms use unpadded base64url. */
final class WebAuthnJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private WebAuthnJson() {
    }

    /** The text value of an input node, when the node exists and has a non-blank value. */
    static Optional<String> inputValue(Ui ui, String name) {
        return ui.node(name).flatMap(n -> n.input()).flatMap(i -> i.valueAsString()).filter(v -> !v.isBlank());
    }

    static ObjectNode readObject(String json, String what) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException(what + " is not a JSON object");
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    static byte[] decode(String base64url) {
        // Accept padding and the standard alphabet too: some platforms emit them.
        return Base64.getUrlDecoder().decode(base64url.replace('+', '-').replace('/', '_').replace("=", ""));
    }

    static boolean isBase64url(JsonNode node) {
        if (!node.isTextual() || node.asText().isEmpty()) {
            return false;
        }
        try {
            return decode(node.asText()).length > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String requiredText(JsonNode node, String field, String what) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalArgumentException(what + " has no '" + field + "'");
        }
        return value.asText();
    }

    static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isEmpty() ? Optional.of(value.asText()) : Optional.empty();
    }

    static Optional<Duration> timeout(JsonNode options) {
        JsonNode value = options.path("timeout");
        return value.canConvertToLong() && value.asLong() > 0 ? Optional.of(Duration.ofMillis(value.asLong()))
                : Optional.empty();
    }

    static List<String> credentialIds(JsonNode descriptors) {
        List<String> ids = new ArrayList<>();
        descriptors.forEach(d -> optionalText(d, "id").ifPresent(ids::add));
        return List.copyOf(ids);
    }

    /**
     * Reads {@code response.clientDataJSON}: a base64url JSON object of the expected ceremony type,
     * adding a violation per problem.
     */
    static Optional<ClientData> clientData(JsonNode response, String expectedType, List<String> violations) {
        JsonNode raw = response.path("clientDataJSON");
        if (!isBase64url(raw)) {
            violations.add("response.clientDataJSON: must be base64url");
            return Optional.empty();
        }
        ObjectNode data;
        try {
            data = readObject(new String(decode(raw.asText()), java.nio.charset.StandardCharsets.UTF_8), "clientDataJSON");
        } catch (IllegalArgumentException e) {
            violations.add("response.clientDataJSON: must decode to a JSON object");
            return Optional.empty();
        }
        String type = data.path("type").asText("");
        if (!expectedType.equals(type)) {
            violations.add("response.clientDataJSON.type: must be " + expectedType + " (was '" + type + "')");
        }
        Optional<String> challenge = optionalText(data, "challenge");
        Optional<String> origin = optionalText(data, "origin");
        if (challenge.isEmpty()) {
            violations.add("response.clientDataJSON.challenge: must be present");
        }
        if (origin.isEmpty()) {
            violations.add("response.clientDataJSON.origin: must be present");
        }
        return challenge.isPresent() && origin.isPresent()
                ? Optional.of(new ClientData(type, challenge.get(), origin.get())) : Optional.empty();
    }

    /**
     * A {@code PublicKeyCredential} JSON from raw parts, as a platform serializes it: id and rawId
     * (base64url of the credential id), type, attachment, the response's fields (base64url each)
     * and no extension results.
     */
    static String credential(byte[] credentialId, java.util.Map<String, byte[]> responseFields) {
        ObjectNode credential = MAPPER.createObjectNode()
                .put("id", encode(credentialId))
                .put("rawId", encode(credentialId))
                .put("type", "public-key")
                .put("authenticatorAttachment", "platform");
        ObjectNode response = credential.putObject("response");
        responseFields.forEach((name, bytes) -> response.put(name, encode(bytes)));
        credential.putObject("clientExtensionResults");
        return credential.toString();
    }

    /** Checks the fields every {@code PublicKeyCredential} JSON has: id, rawId, type, response. */
    static void credentialFields(JsonNode credential, List<String> violations) {
        if (!isBase64url(credential.path("id"))) {
            violations.add("id: must be base64url");
        }
        if (credential.has("rawId") && !credential.path("rawId").asText().equals(credential.path("id").asText())) {
            violations.add("rawId: must equal id");
        }
        if (!"public-key".equals(credential.path("type").asText())) {
            violations.add("type: must be public-key");
        }
        if (!credential.path("response").isObject()) {
            violations.add("response: must be an object");
        }
    }
}
