package io.kratosflows.cli;

import java.util.Objects;

/**
 * A failure the CLI reports as one line on standard error and ends with {@link #exitCode()}.
 * The message never holds a secret; the cause is printed only with {@code --verbose}.
 */
final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final ExitCode exitCode;

    CliException(ExitCode exitCode, String message) {
        this(exitCode, message, null);
    }

    CliException(ExitCode exitCode, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.exitCode = Objects.requireNonNull(exitCode, "exitCode");
    }

    ExitCode exitCode() {
        return exitCode;
    }

    static CliException invalidInput(String message) {
        return new CliException(ExitCode.INVALID_INPUT, message);
    }

    static CliException authFailed(String message) {
        return new CliException(ExitCode.AUTH_FAILED, message);
    }
}
