/**
 * A JUnit 5 kit that gives tests a real, running Ory Kratos: {@link io.kratosflows.testkit.KratosServer}
 * finds a Kratos (a running server, a binary named by {@code KRATOS_BIN}, or {@code kratos} on
 * {@code PATH}), starts it on free loopback ports with the project's test configuration, wires its
 * courier to an in-process SMTP sink ({@link io.kratosflows.testkit.Mailbox}) and offers a small
 * admin client ({@link io.kratosflows.testkit.KratosAdmin}). Without any Kratos the live tests are
 * reported as skipped, never as passed.
 */
package io.kratosflows.testkit;
