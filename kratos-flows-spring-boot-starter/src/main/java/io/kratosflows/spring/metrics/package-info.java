/** The {@code kratos.client.requests} timer, fed by the library's {@link io.kratosflows.ExchangeListener}. */
package io.kratosflows.spring.metrics;
