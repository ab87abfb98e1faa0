package io.kratosflows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.kratosflows.ContinueWith;
import io.kratosflows.FlowId;
import io.kratosflows.error.KratosError;
import io.kratosflows.ui.Ui;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What every flow answers alike: the flow of a start or fetch, the statuses all submissions share
 * (410 expired or replaced, 422/303 browser hand-over, 404 method disabled), and the readers of
 * ids and URLs inside those answers. A new status Kratos gives every flow is handled here, once.
 */
final class FlowAnswers {

    private FlowAnswers() {
    }

    /**
     * The outcomes every flow has, as constructors of that flow's own sealed outcome type.
     *
     * @param expired           410: the flow expired or was replaced; the replacement when named
     * @param browserRequired   422 / 303: a browser must take over at this URL; null for a flow that never hands over
     * @param methodUnavailable the server does not offer the method (disabled, unknown, or not in the flow)
     * @param <O>               the flow's outcome type
     */
    record Shared<O>(Expired<O> expired, BiFunction<String, KratosError, O> browserRequired,
                     BiFunction<String, Optional<KratosError>, O> methodUnavailable) {
    }

    /**
     * Makes a flow's expiry outcome from what a 410 says.
     *
     * @param <O> the flow's outcome type
     */
    @FunctionalInterface
    interface Expired<O> {
        /**
         * @param error       the error
         * @param replacement the new flow, when named ({@code use_flow_id})
         * @param expiredAt   when it expired ({@code expired_at}), when said
         * @param since       how long ago ({@code since}, nanoseconds), when said
         */
        O of(KratosError error, Optional<FlowId> replacement, Optional<Instant> expiredAt, Optional<Duration> since);
    }

    /**
     * {@return the flow of a start or fetch answer} Anything but a 200 with a flow body is a failure:
     * a Kratos error envelope or an unexpected answer.
     */
    static <F> F flow(String what, KratosResponse response, Function<JsonNode, F> reader) {
        if (response.status() == 200 && response.isFlow()) {
            return read(what, response, reader);
        }
        throw response.failure(what);
    }

    /** {@return a flow read from a response whose body is a flow; a flow too large to be Kratos's is refused} */
    static <F> F read(String what, KratosResponse response, Function<JsonNode, F> reader) {
        if (UiReader.tooLarge(response.json().path("ui"))) {
            throw response.unexpected(what + ": the flow has more than " + UiReader.MAX_NODES + " UI nodes");
        }
        return reader.apply(response.json());
    }

    /**
     * {@return the outcome when the flow does not offer the method, before anything is sent} A flow
     * without nodes (not yet known) offers everything.
     */
    static <O> Optional<O> notOffered(Ui ui, String method, Shared<O> shared) {
        if (ui.nodes().isEmpty() || ui.groups().contains(method)) {
            return Optional.empty();
        }
        return Optional.of(shared.methodUnavailable().apply(method, Optional.empty()));
    }

    /**
     * {@return the outcome of a submission answer the flow's own dispatcher did not take} Throws the
     * failure for anything no flow expects.
     */
    static <O> O shared(String what, KratosResponse response, Ui submitted, String method, Shared<O> shared) {
        int status = response.status();
        if (methodDisabled(response, submitted, method)) {
            return shared.methodUnavailable().apply(method, Optional.of(response.error()));
        }
        if (status == 410) {
            return expired(response, shared.expired());
        }
        if ((status == 422 || status == 303) && shared.browserRequired() != null) {
            Optional<String> url = browserUrl(response);
            if (url.isPresent()) {
                return shared.browserRequired().apply(url.get(), response.error());
            }
        }
        throw response.failure(what);
    }

    /**
     * {@return whether a submission's error means the server does not offer the method} Kratos
     * answers a disabled method with 404 "This endpoint was disabled by system administrator"; an
     * unknown flow is a 404 too, so the reason (or the flow not offering the method) decides.
     */
    static boolean methodDisabled(KratosResponse response, Ui submitted, String method) {
        if (response.status() != 404 || !response.isError()) {
            return false;
        }
        String reason = Json.text(response.json().path("error"), "reason", "");
        return reason.contains("disabled") || (!submitted.nodes().isEmpty() && !submitted.groups().contains(method));
    }

    /** {@return the expiry outcome of a 410, with the replacement flow and timing Kratos sent} */
    static <O> O expired(KratosResponse response, Expired<O> expired) {
        JsonNode body = response.json();
        return expired.of(response.error(), replacement(body), Json.instant(body, "expired_at"),
                Json.longValue(body, "since").filter(n -> n >= 0).map(Duration::ofNanos));
    }

    /**
     * {@return whether the answer says the identity is disabled} Kratos's development line answers 400
     * {@code identity_disabled}; v26.2.0 and older 401 with the message {@code "identity is disabled"}.
     */
    static boolean identityDisabled(KratosResponse response) {
        return response.errorIs("identity_disabled") || (response.status() == 401 && response.isError()
                && Json.text(response.json().path("error"), "message").filter("identity is disabled"::equals).isPresent());
    }

    /** {@return the replacement flow of an expiry: {@code use_flow_id}, top-level or in the details} */
    static Optional<FlowId> replacement(JsonNode body) {
        return Json.nonBlank(body, "use_flow_id").or(() -> Json.nonBlank(body.path("error").path("details"), "use_flow_id"))
                .map(FlowId::of);
    }

    /** {@return the browser URL of a hand-over: {@code redirect_browser_to}, the details, or a 303's Location} */
    static Optional<String> browserUrl(KratosResponse response) {
        JsonNode body = response.json();
        JsonNode details = body.path("error").path("details");
        return Json.nonBlank(body, "redirect_browser_to")
                .or(() -> Json.nonBlank(details, "redirect_browser_to"))
                .or(() -> Json.nonBlank(details, "redirect_to"))
                .or(() -> response.status() == 303 ? response.location().filter(l -> !l.isBlank()) : Optional.empty());
    }

    /**
     * {@return the flow a redirect points to: the {@code flow} or {@code id} query parameter of its
     * Location} A Location that is not a valid URI names no flow.
     */
    static Optional<FlowId> flowInLocation(KratosResponse response) {
        return response.location().flatMap(location -> {
            String query;
            try {
                query = new URI(location.trim()).getRawQuery();
            } catch (URISyntaxException e) {
                return Optional.empty();
            }
            if (query == null) {
                return Optional.empty();
            }
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv.length == 2 && (kv[0].equals("flow") || kv[0].equals("id"))) {
                    Optional<String> id = decode(kv[1]).filter(v -> !v.isBlank());
                    if (id.isPresent()) {
                        return id.map(FlowId::of);
                    }
                }
            }
            return Optional.empty();
        });
    }

    private static Optional<String> decode(String value) {
        try {
            return Optional.of(URLDecoder.decode(value, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // %zz and the like
        }
    }

    /** {@return the {@code continue_with} items in {@code error.details}} */
    static List<ContinueWith> continueWithInDetails(JsonNode body) {
        return ContinueWithReader.read(body.path("error").path("details").path("continue_with"));
    }
}
