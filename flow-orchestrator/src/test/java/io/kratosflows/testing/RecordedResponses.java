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

    /** {@return the body of a v26.2.0 fixture, e.g. {@code login/submit-code-sent.400.json}} */
    public static String body(String fixture) {
        return body("v26.2.0", fixture);
    }

    /**
     * {@return the body of a fixture recorded from another Kratos}
     *
     * @param version {@code v26.2.0}, {@code v25.4.0}, {@code v1.3.1} or {@code dev} (the line after v26.2.0)
     * @param fixture the file under that version's folder
     */
    public static String body(String version, String fixture) {
        try (InputStream in = RecordedResponses.class.getResourceAsStream("/fixtures/" + version + "/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + version + "/" + fixture);
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
