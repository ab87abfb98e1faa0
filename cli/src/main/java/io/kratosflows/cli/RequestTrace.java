package io.kratosflows.cli;

import io.kratosflows.ExchangeListener;
import io.kratosflows.HttpExchange;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP exchanges the CLI made, collected from the library's {@link ExchangeListener}, for the
 * demo's step-by-step output and {@code --verbose}. The library already masks secret query values
 * and never reports headers or bodies.
 */
final class RequestTrace implements ExchangeListener {

    private final List<HttpExchange> exchanges = new ArrayList<>();

    @Override
    public synchronized void onExchange(HttpExchange exchange) {
        exchanges.add(exchange);
    }

    /** The exchanges since the last call, oldest first; the trace is empty afterwards. */
    synchronized List<HttpExchange> drain() {
        List<HttpExchange> copy = List.copyOf(exchanges);
        exchanges.clear();
        return copy;
    }
}
