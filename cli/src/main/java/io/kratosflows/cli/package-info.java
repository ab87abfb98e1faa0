/**
 * The {@code kratos-flows} command-line client: {@link io.kratosflows.cli.KratosFlowsCli} (picocli)
 * with one command per native self-service flow and {@code demo}, which runs the whole journey
 * against a Kratos it finds or starts. Exit codes are {@link io.kratosflows.cli.ExitCode}.
 */
package io.kratosflows.cli;
