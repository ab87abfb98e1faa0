/**
 * The small sealed exception hierarchy of kratos-flows ({@link io.kratosflows.error.KratosException}
 * and its four kinds) and the {@link io.kratosflows.error.KratosError} value Kratos sends.
 */
package io.kratosflows.error;
