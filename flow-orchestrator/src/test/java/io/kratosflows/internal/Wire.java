package io.kratosflows.internal;

import io.kratosflows.testing.RecordedResponses;
import java.util.List;
import java.util.Map;

/** Builds {@link WireResponse}s from recorded fixtures or literal bodies. */
final class Wire {

    private Wire() {
    }

    static WireResponse recorded(String fixture) {
        return new WireResponse(RecordedResponses.status(fixture),
                Map.of("Content-Type", List.of("application/json; charset=utf-8")), RecordedResponses.body(fixture));
    }

    static WireResponse of(int status, String body) {
        return new WireResponse(status, Map.of(), body);
    }
}
