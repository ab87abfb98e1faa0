package io.kratosflows.internal;

import io.kratosflows.testing.RecordedResponses;
import java.util.Map;

/** Builds {@link KratosResponse}s from recorded fixtures or literal bodies. */
final class Wire {

    private Wire() {
    }

    static KratosResponse recorded(String fixture) {
        return KratosResponse.of(RecordedResponses.status(fixture), Map.of("Content-Type", "application/json; charset=utf-8"),
                RecordedResponses.body(fixture));
    }

    /** {@return a response recorded from another Kratos: {@code v25.4.0}, {@code v1.3.1} or {@code dev}} */
    static KratosResponse recorded(String version, String fixture) {
        return KratosResponse.of(RecordedResponses.status(fixture), Map.of("Content-Type", "application/json; charset=utf-8"),
                RecordedResponses.body(version, fixture));
    }

    static KratosResponse of(int status, String body) {
        return KratosResponse.of(status, body);
    }

    static KratosResponse of(int status, Map<String, String> headers, String body) {
        return KratosResponse.of(status, headers, body);
    }

    static String body(String fixture) {
        return RecordedResponses.body(fixture);
    }
}
