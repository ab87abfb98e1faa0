/**
 * Kratos session tokens as Spring Security authentication: {@link io.kratosflows.spring.security.KratosSecurityConfigurer}
 * adds the filter, {@link io.kratosflows.spring.security.KratosSessionAuthenticator} checks and caches tokens,
 * {@link io.kratosflows.spring.security.KratosAuthorization} holds per-endpoint rules, and
 * {@link io.kratosflows.spring.security.KratosProblem} is the body of every refusal.
 */
package io.kratosflows.spring.security;
