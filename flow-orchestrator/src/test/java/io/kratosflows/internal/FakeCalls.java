package io.kratosflows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.kratosflows.KratosConfig;
import io.kratosflows.generated.invoker.ModelJson;
import io.kratosflows.testing.FakeKratos;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@link Calls} of a client pointed at a {@link FakeKratos}, for step tests that make the whole
 * call: what was sent, and the outcome of a recorded answer ({@link #exchange}). {@link #OFFLINE} has no transport at
 * all, for paths that must decide before anything is sent.
 */
final class FakeCalls implements AutoCloseable {

    /** Calls that fail the test if anything is sent: every exchange, even a refused connection, is an AssertionError. */
    static final Calls OFFLINE = new Calls(offline(), CallContext.NONE, false);
    /** The same, with field checks on. */
    static final Calls OFFLINE_VALIDATING = new Calls(offline(), CallContext.NONE, true);

    private static Transport offline() {
        // An Error, not a RuntimeException: the transport ignores a listener's runtime failures.
        return new Transport(KratosConfig.builder().publicUrl("http://127.0.0.1:9").exchangeListener(exchange -> {
            throw new AssertionError("nothing may be sent, but this was: " + exchange.line());
        }).build());
    }

    final FakeKratos kratos;
    private final Transport transport;

    FakeCalls() {
        try {
            kratos = new FakeKratos();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        transport = new Transport(KratosConfig.builder().publicUrl(kratos.url()).build());
    }

    Calls calls() {
        return new Calls(transport, CallContext.NONE, false);
    }

    /**
     * The one request a call sent and what the call returned.
     *
     * @param request as the server received it
     * @param outcome what the call returned
     * @param <T>     the outcome type
     */
    record Exchange<T>(FakeKratos.Request request, T outcome) {
        /** {@return {@code METHOD /path?query}} */
        String line() {
            return request.method() + " " + request.pathAndQuery();
        }

        /** {@return the request body as JSON} */
        JsonNode body() {
            return tree(request.body());
        }
    }

    /** {@return the exchange of one call against a server that answers with the recorded fixture} */
    static <T> Exchange<T> exchange(String fixture, Function<Calls, T> call) {
        try (FakeCalls fake = new FakeCalls()) {
            fake.kratos.respond(fixture);
            return fake.exchange(call);
        }
    }

    /** {@return the exchange of one call against a server that answers with this status and body} */
    static <T> Exchange<T> exchange(int status, String body, Function<Calls, T> call) {
        try (FakeCalls fake = new FakeCalls()) {
            fake.kratos.respond(status, body);
            return fake.exchange(call);
        }
    }

    private <T> Exchange<T> exchange(Function<Calls, T> call) {
        T outcome = call.apply(calls());
        return new Exchange<>(kratos.onlyRequest(), outcome);
    }

    /** {@return the JSON a generated body is sent as (written as the transport writes it, then read back)} */
    static JsonNode json(Object body) {
        try {
            return Json.MAPPER.readTree(ModelJson.newMapper().writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return a JSON literal as a tree, for order-insensitive comparison} */
    static JsonNode tree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return the query parameters and headers a generated operation sends} */
    static Map<String, String> sent(io.kratosflows.generated.invoker.Operation<?> operation) {
        Map<String, String> sent = new LinkedHashMap<>();
        operation.forEachQuery((name, value) -> sent.put("?" + name, value));
        operation.forEachHeader(sent::put);
        return sent;
    }

    @Override
    public void close() {
        transport.close();
        kratos.close();
    }
}
