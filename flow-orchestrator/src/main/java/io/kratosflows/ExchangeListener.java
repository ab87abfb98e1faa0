package io.kratosflows;

/**
 * Told about every HTTP exchange with Kratos, after it ends: for request tracing, metrics or a
 * CLI's step-by-step output. Called on the thread that made the call; keep it fast and do not
 * throw (an exception from the listener is ignored). Set with
 * {@link KratosConfig.Builder#exchangeListener}.
 */
@FunctionalInterface
public interface ExchangeListener {

    /** Receives one finished exchange. */
    void onExchange(HttpExchange exchange);
}
