package io.kratosflows.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Response bodies recorded from a live Kratos v26.2.0 ({@code fixtures/v26.2.0/<flow>/<step>.<status>.json}).
 * The status is part of the file name.
 */
public final class RecordedResponses {

    private RecordedResponses() {
    }

    /** {@return the body of a fixture, e.g. {@code login/submit-code-sent.400.json}} */
    public static String body(String fixture) {
        try (InputStream in = RecordedResponses.class.getResourceAsStream("/fixtures/v26.2.0/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + fixture);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return the HTTP status recorded in the fixture's name} */
    public static int status(String fixture) {
        String[] parts = fixture.split("\\.");
        return Integer.parseInt(parts[parts.length - 2]);
    }
}
