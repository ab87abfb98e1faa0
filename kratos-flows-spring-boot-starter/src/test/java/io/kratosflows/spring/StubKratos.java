package io.kratosflows.spring;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** A loopback HTTP server answering {@code /health/ready} with a status tests set, and whoami with 401. */
public final class StubKratos implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger readyStatus = new AtomicInteger(200);

    /** Starts on a free loopback port. */
    public StubKratos() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/health/ready", exchange -> {
            byte[] body = (readyStatus.get() == 200 ? "{\"status\":\"ok\"}" : "{\"errors\":{\"database\":\"down\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(readyStatus.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/sessions/whoami", exchange -> {
            byte[] body = "{\"error\":{\"code\":401,\"status\":\"Unauthorized\",\"message\":\"The request could not be authorized\"}}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** Makes {@code /health/ready} answer {@code status}. */
    public void ready(int status) {
        readyStatus.set(status);
    }

    /** {@return the base URL} */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
