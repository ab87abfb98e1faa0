package io.kratosflows.spring.sample;

import io.kratosflows.ExchangeListener;
import io.kratosflows.HttpExchange;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the service's whoami calls: an {@link ExchangeListener} bean, so the auto-configured client tells it. */
final class WhoamiCounter implements ExchangeListener {

    private final AtomicInteger calls = new AtomicInteger();

    @Override
    public void onExchange(HttpExchange exchange) {
        if (exchange.path().startsWith("/sessions/whoami")) {
            calls.incrementAndGet();
        }
    }

    int calls() {
        return calls.get();
    }
}
