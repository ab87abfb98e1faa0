package io.kratosflows.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server standing in for Kratos: answers each request with the next queued recorded
 * response ({@code fixtures/v26.2.0/<flow>/<step>.<status>.json}, the status taken from the name)
 * and keeps what it was asked, method, path and body.
 */
final class ReplayKratos implements AutoCloseable {

    /** A request as received. */
    record Request(String method, String pathAndQuery, String body) {
    }

    private record Response(int status, String body) {
    }

    private final HttpServer server;
    private final Deque<Response> responses = new ArrayDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    ReplayKratos() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues a recorded response, e.g. {@code login/create.200.json}. */
    synchronized ReplayKratos respond(String fixture) {
        String name = fixture.substring(fixture.lastIndexOf('/') + 1);
        String[] parts = name.split("\\.");
        int status = Integer.parseInt(parts[parts.length - 2]);
        responses.add(new Response(status, fixture(fixture)));
        return this;
    }

    synchronized ReplayKratos respond(int status, String body) {
        responses.add(new Response(status, body));
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    static String fixture(String fixture) {
        try (InputStream in = ReplayKratos.class.getResourceAsStream("/fixtures/v26.2.0/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + fixture);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(), body));
        Response response;
        synchronized (this) {
            response = responses.poll();
        }
        if (response == null) {
            response = new Response(500, "{\"error\":{\"code\":500,\"message\":\"no response queued\"}}");
        }
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
