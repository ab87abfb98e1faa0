/**
 * kratos-flows: typed Ory Kratos native self-service flows. Start at {@link io.kratosflows.Kratos}.
 * Accessors never return null: absent values are {@link java.util.Optional} or empty collections.
 */
package io.kratosflows;
