/**
 * The kratos-flows Spring Boot starter: an auto-configured {@link io.kratosflows.Kratos} from
 * {@link io.kratosflows.spring.KratosProperties} ({@code kratos.*}). Session-token authentication is in
 * {@link io.kratosflows.spring.security}, health in {@link io.kratosflows.spring.health}, metrics in
 * {@link io.kratosflows.spring.metrics}, test support in {@link io.kratosflows.spring.test}.
 */
package io.kratosflows.spring;
