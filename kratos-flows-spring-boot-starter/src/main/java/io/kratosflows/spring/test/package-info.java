/**
 * {@link io.kratosflows.spring.test.KratosTest}: a real Kratos from {@code kratos-flows-testkit} for
 * {@code @SpringBootTest}s. Needs the kit, JUnit Jupiter and Spring's test support on the test class path.
 */
package io.kratosflows.spring.test;
