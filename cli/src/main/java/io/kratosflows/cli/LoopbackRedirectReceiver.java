package io.kratosflows.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The loopback redirect receiver of a desktop social sign-in (RFC 8252, section 7.3): an HTTP
 * listener on {@code 127.0.0.1} only, at {@code http://127.0.0.1:<port>/callback}, that takes the
 * one redirect the browser makes back to the app once Kratos has finished (with {@code ?code=} on
 * success), answers the browser with a page saying it can be closed, and hands the query to the
 * waiting command. Anything else it answers with 404. Closed after use.
 */
final class LoopbackRedirectReceiver implements AutoCloseable {

    static final String PATH = "/callback";
    private static final String DONE_PAGE = "<!doctype html><meta charset=utf-8><title>kratos-flows</title>"
            + "<p>Sign-in finished. You can close this window and return to the terminal.</p>";

    private final HttpServer server;
    private final CompletableFuture<Map<String, String>> redirect = new CompletableFuture<>();

    private LoopbackRedirectReceiver(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Listens on {@code 127.0.0.1:port} ({@code 0}: a free port chosen by the system).
     *
     * @throws CliException when the port is taken
     */
    static LoopbackRedirectReceiver start(int port) {
        try {
            return new LoopbackRedirectReceiver(HttpServer.create(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0));
        } catch (BindException e) {
            throw CliException.invalidInput("cannot listen on 127.0.0.1:" + port + " for the sign-in redirect"
                    + " (port in use): pick another with --callback-port");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the loopback redirect receiver", e);
        }
    }

    /** {@return the URL to use as {@code return_to}: {@code http://127.0.0.1:<port>/callback}} */
    String redirectUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** {@return the query of the redirect, or empty when none came within {@code timeout}} */
    Optional<Map<String, String>> await(Duration timeout) {
        try {
            return Optional.of(redirect.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("redirect receiver failed", e.getCause());
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) || !PATH.equals(exchange.getRequestURI().getPath())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] page = DONE_PAGE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().add("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            redirect.complete(query(exchange.getRequestURI().getRawQuery()));
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.putIfAbsent(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
