package io.kratosflows.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apache HttpClient logs through SLF4J and, at DEBUG, writes what kratos-flows cannot redact: the
 * {@code headers} logger prints {@code X-Session-Token}, the execution loggers print request lines
 * with the token exchange's {@code init_code} and {@code return_to_code}, and the {@code wire}
 * logger prints every body (passwords, codes). This library cannot silence another library's
 * loggers, so it warns, once per JVM, when a client is created while any of them is at DEBUG.
 * It never changes a logging configuration itself.
 */
final class HttpClientLogging {

    /** The loggers that print request headers, request lines or bodies at DEBUG. */
    static final List<String> UNSAFE_AT_DEBUG = List.of(
            "org.apache.hc.client5.http.wire",
            "org.apache.hc.client5.http.headers",
            "org.apache.hc.client5.http.impl.classic.MainClientExec",
            "org.apache.hc.client5.http.impl.classic.InternalHttpClient",
            "org.apache.hc.client5.http.impl.classic.ProtocolExec",
            "org.apache.hc.client5.http.impl.classic.ConnectExec",
            "org.apache.hc.client5.http.impl.classic.HttpRequestRetryExec",
            "org.apache.hc.client5.http.impl.classic.RedirectExec",
            "org.apache.hc.client5.http.impl.classic.ContentCompressionExec",
            "org.apache.hc.client5.http");

    /** Where the warning goes. */
    static final String LOGGER = "io.kratosflows";

    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private HttpClientLogging() {
    }

    /** {@return the loggers of {@link #UNSAFE_AT_DEBUG} that are at DEBUG now} */
    static List<String> unsafeLoggersEnabled() {
        List<String> enabled = new ArrayList<>();
        for (String name : UNSAFE_AT_DEBUG) {
            if (LoggerFactory.getLogger(name).isDebugEnabled()) {
                enabled.add(name);
            }
        }
        return enabled;
    }

    /** Logs one warning, the first time a client is created with one of those loggers at DEBUG. */
    static void warnIfSecretsWouldBeLogged() {
        if (WARNED.get()) {
            return;
        }
        List<String> enabled = unsafeLoggersEnabled();
        if (!enabled.isEmpty() && WARNED.compareAndSet(false, true)) {
            Logger log = LoggerFactory.getLogger(LOGGER);
            log.warn("Apache HttpClient logs at DEBUG ({}): it writes session tokens (X-Session-Token), token exchange "
                    + "codes and, through its wire logger, passwords and one-time codes verbatim. kratos-flows cannot "
                    + "redact another library's logs: set org.apache.hc to INFO or higher wherever secrets matter.", enabled);
        }
    }
}
