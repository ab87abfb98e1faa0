package io.kratosflows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.kratosflows.error.KratosError;
import java.util.Optional;

/** Reads Kratos's error envelope ({@code {"error": {...}}}); any body, even an empty one, gives a value. */
public final class ErrorReader {

    private ErrorReader() {
    }

    /** {@return the error of a response; fields Kratos did not send are empty} */
    public static KratosError read(WireResponse response) {
        JsonNode body = response.jsonOrMissing();
        JsonNode error = body.path("error").isObject() ? body.path("error") : body;
        return new KratosError(response.status(), Json.text(error, "id"), Json.text(error, "reason"),
                Json.text(error, "message"), response.requestId(), Json.map(error, "details"));
    }

    /** {@return the error id of a response, when it has one} */
    public static Optional<String> id(WireResponse response) {
        return Json.text(response.jsonOrMissing().path("error"), "id");
    }
}
