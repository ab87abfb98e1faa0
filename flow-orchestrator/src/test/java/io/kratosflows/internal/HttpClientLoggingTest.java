package io.kratosflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * #19: HttpClient's {@code headers} and {@code MainClientExec} loggers print {@code X-Session-Token}
 * and the token exchange's codes at DEBUG. The library cannot silence them; it detects them.
 */
class HttpClientLoggingTest {

    @Test
    void theLoggersThatPrintSecretsAreDetectedWhenAtDebug() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger headers = logging.getLogger("org.apache.hc.client5.http.headers");
        ch.qos.logback.classic.Logger exec = logging.getLogger("org.apache.hc.client5.http.impl.classic.MainClientExec");
        try {
            assertEquals(List.of(), HttpClientLogging.unsafeLoggersEnabled(), "the test configuration logs warnings only");

            headers.setLevel(Level.DEBUG);
            assertEquals(List.of("org.apache.hc.client5.http.headers"), HttpClientLogging.unsafeLoggersEnabled());

            headers.setLevel(null);
            exec.setLevel(Level.DEBUG);
            assertEquals(List.of("org.apache.hc.client5.http.impl.classic.MainClientExec"), HttpClientLogging.unsafeLoggersEnabled());

            exec.setLevel(null);
            logging.getLogger("org.apache.hc").setLevel(Level.DEBUG);
            assertTrue(HttpClientLogging.unsafeLoggersEnabled().containsAll(List.of("org.apache.hc.client5.http.wire",
                    "org.apache.hc.client5.http.headers", "org.apache.hc.client5.http.impl.classic.MainClientExec")));
        } finally {
            headers.setLevel(null);
            exec.setLevel(null);
            logging.getLogger("org.apache.hc").setLevel(null);
        }
    }
}
