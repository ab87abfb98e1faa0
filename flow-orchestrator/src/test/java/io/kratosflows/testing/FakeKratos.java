package io.kratosflows.testing;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server standing in for Kratos in HTTP-level tests: it answers each request with the
 * next queued response (recorded Kratos bodies, {@link RecordedResponses}) and keeps every request it
 * received, headers and body. A request with nothing queued gets Kratos's 500 error envelope.
 * Published in this module's test jar for the other modules' tests.
 */
public final class FakeKratos implements AutoCloseable {

    /** A request as the server received it. */
    public record Request(String method, String path, String query, Headers headers, String body) {
        /** {@return the first value of a header, or null} */
        public String header(String name) {
            return headers.getFirst(name);
        }

        /** {@return the path with its raw query, as sent: {@code /self-service/login/flows?id=...}} */
        public String pathAndQuery() {
            return query == null ? path : path + "?" + query;
        }
    }

    /** A canned response. */
    public record Response(int status, Map<String, String> headers, String body, long delayMillis) {
    }

    private final HttpServer server;
    private final Deque<Response> responses = new ArrayDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    /** Starts on a free loopback port. */
    public FakeKratos() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@return the base URL, e.g. {@code http://127.0.0.1:41234}} */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues a recorded response ({@code login/create.200.json}). */
    public FakeKratos respond(String fixture) {
        return respond(RecordedResponses.status(fixture), RecordedResponses.body(fixture));
    }

    /** Queues a JSON response. */
    public FakeKratos respond(int status, String body) {
        return respond(new Response(status, Map.of("Content-Type", "application/json; charset=utf-8"), body, 0));
    }

    /** Queues any response. */
    public synchronized FakeKratos respond(Response response) {
        responses.add(response);
        return this;
    }

    /** {@return the requests received so far} */
    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    /** {@return the only request received; fails when there was not exactly one} */
    public Request onlyRequest() {
        if (requests.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + requests.size() + ": " + requests);
        }
        return requests.get(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body));
        Response response;
        synchronized (this) {
            response = responses.poll();
        }
        if (response == null) {
            response = new Response(500, Map.of("Content-Type", "application/json; charset=utf-8"),
                    "{\"error\":{\"code\":500,\"message\":\"no response queued\"}}", 0);
        }
        if (response.delayMillis() > 0) {
            try {
                Thread.sleep(response.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
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
