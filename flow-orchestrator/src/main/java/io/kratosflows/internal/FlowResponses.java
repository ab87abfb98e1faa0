package io.kratosflows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.kratosflows.FlowId;
import io.kratosflows.error.KratosError;
import io.kratosflows.error.KratosErrorException;
import io.kratosflows.error.KratosException;
import java.util.Optional;

/** Shape tests and readers shared by every flow's outcome dispatcher. */
public final class FlowResponses {

    private FlowResponses() {
    }

    /**
     * {@return the flow of a start or fetch response, read by {@code reader}} Anything but a 200
     * with a flow body is a failure: a Kratos error envelope or an unexpected answer.
     */
    public static <T> T flow(String what, WireResponse response, java.util.function.Function<JsonNode, T> reader) {
        JsonNode body = response.jsonOrMissing();
        if (response.status() == 200 && isFlow(body)) {
            return reader.apply(body);
        }
        throw failure(what, response);
    }

    /** {@return whether the body is a flow: a JSON object with {@code id} and {@code ui}} */
    public static boolean isFlow(JsonNode body) {
        return body.isObject() && body.hasNonNull("id") && body.path("ui").isObject();
    }

    /** {@return whether the body is Kratos's error envelope} */
    public static boolean isError(JsonNode body) {
        return body.isObject() && body.path("error").isObject();
    }

    /** {@return the replacement flow of an expiry: {@code use_flow_id}, top-level or in the details} */
    public static Optional<FlowId> replacement(JsonNode body) {
        return Json.text(body, "use_flow_id")
                .or(() -> Json.text(body.path("error").path("details"), "use_flow_id"))
                .filter(s -> !s.isBlank()).map(FlowId::of);
    }

    /**
     * {@return whether a submission's error means the server does not offer the method} Kratos
     * answers a disabled method with 404 "This endpoint was disabled by system administrator"; an
     * unknown flow is a 404 too, so the reason (or the flow not offering the method) decides.
     */
    public static boolean methodDisabled(WireResponse response, io.kratosflows.ui.Ui flowUi, String method) {
        if (response.status() != 404 || !isError(response.jsonOrMissing())) {
            return false;
        }
        String reason = Json.text(response.jsonOrMissing().path("error"), "reason", "");
        return reason.contains("disabled") || (!flowUi.nodes().isEmpty() && !flowUi.groups().contains(method));
    }

    /** {@return the flow a redirect points to: the {@code flow} or {@code id} query parameter of its Location} */
    public static Optional<FlowId> flowInLocation(WireResponse response) {
        return response.location().flatMap(location -> {
            String query = java.net.URI.create(location).getRawQuery();
            if (query == null) {
                return Optional.empty();
            }
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv.length == 2 && (kv[0].equals("flow") || kv[0].equals("id")) && !kv[1].isBlank()) {
                    return Optional.of(FlowId.of(java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8)));
                }
            }
            return Optional.empty();
        });
    }

    /** {@return the flow named by {@code show_recovery_ui} in {@code error.details.continue_with}} */
    public static Optional<FlowId> recoveryUiInDetails(JsonNode body) {
        return ContinueWithReader.read(body.path("error").path("details").path("continue_with")).stream()
                .filter(io.kratosflows.ContinueWith.ShowRecoveryUi.class::isInstance)
                .map(c -> ((io.kratosflows.ContinueWith.ShowRecoveryUi) c).flow()).findFirst();
    }

    /** {@return the browser URL of a hand-over: {@code redirect_browser_to}, the details, or a 303's Location} */
    public static Optional<String> browserUrl(WireResponse response) {
        JsonNode body = response.jsonOrMissing();
        return Json.text(body, "redirect_browser_to")
                .or(() -> Json.text(body.path("error").path("details"), "redirect_browser_to"))
                .or(() -> Json.text(body.path("error").path("details"), "redirect_to"))
                .or(() -> response.status() == 303 ? response.location() : Optional.empty());
    }

    /**
     * {@return the exception for a response no outcome covers} A Kratos error envelope becomes a
     * {@link KratosErrorException}; anything else an {@code UnexpectedResponseException}.
     */
    public static KratosException failure(String what, WireResponse response) {
        if (isError(response.jsonOrMissing())) {
            return new KratosErrorException(what, ErrorReader.read(response));
        }
        return response.unexpected(what + ": unexpected answer");
    }

    /** {@return the error of a response, for outcomes that carry it} */
    public static KratosError error(WireResponse response) {
        return ErrorReader.read(response);
    }
}
