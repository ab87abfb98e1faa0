package io.kratosflows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.kratosflows.error.KratosError;

/** Reads Kratos's error envelope ({@code {"error": {...}}}); any body, even an empty one, gives a value. */
final class ErrorReader {

    private ErrorReader() {
    }

    /** {@return the error of a response; fields Kratos did not send are empty} */
    static KratosError read(KratosResponse response) {
        JsonNode body = response.json();
        JsonNode error = body.path("error").isObject() ? body.path("error") : body;
        return new KratosError(response.status(), Json.nonBlank(error, "id"), Json.text(error, "reason"),
                Json.text(error, "message"), response.requestId(), Json.map(error, "details"));
    }
}
