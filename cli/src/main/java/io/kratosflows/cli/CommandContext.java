package io.kratosflows.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one command run needs: the terminal, output mode, whether to prompt, the validated
 * Kratos URLs and timeout, and (opened on first use) the {@link Connection}. Closing it prints the
 * request trace with {@code --verbose} and closes the connection.
 */
final class CommandContext implements AutoCloseable {

    private final Terminal terminal;
    private final Output output;
    private final boolean interactive;
    private final String kratosUrlOption;
    private final String adminUrlOption;
    private final Duration timeout;
    private final Prompter prompter;
    private Connection connection;

    CommandContext(Terminal terminal, Output output, boolean interactive, String kratosUrlOption,
            String adminUrlOption, Duration timeout) {
        this.terminal = Objects.requireNonNull(terminal, "terminal");
        this.output = Objects.requireNonNull(output, "output");
        this.interactive = interactive;
        this.kratosUrlOption = kratosUrlOption;
        this.adminUrlOption = adminUrlOption;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.prompter = new Prompter(terminal);
    }

    Terminal terminal() {
        return terminal;
    }

    Output out() {
        return output;
    }

    Prompter prompter() {
        return prompter;
    }

    boolean interactive() {
        return interactive;
    }

    Duration timeout() {
        return timeout;
    }

    /** Whether the status line may be drawn: a person watches a terminal and did not ask for quiet. */
    boolean spinnerEnabled() {
        return !output.quiet() && !output.json() && terminal.hasConsole();
    }

    /** {@code --kratos-url}, else {@code $KRATOS_PUBLIC_URL}, else the default, validated. */
    URI publicUrl() {
        String value = kratosUrlOption != null ? kratosUrlOption
                : terminal.env(KratosFlowsCli.ENV_PUBLIC_URL).orElse(KratosFlowsCli.DEFAULT_PUBLIC_URL);
        return httpUrl("--kratos-url", value);
    }

    /** {@code --admin-url}, else {@code $KRATOS_ADMIN_URL}, validated; empty when neither is set. */
    Optional<URI> adminUrl() {
        return Optional.ofNullable(adminUrlOption).or(() -> terminal.env(KratosFlowsCli.ENV_ADMIN_URL))
                .map(v -> httpUrl("--admin-url", v));
    }

    /** The connection to the public URL, opened on first use. */
    Connection connection() {
        if (connection == null) {
            connection = Connection.open(publicUrl(), timeout);
        }
        return connection;
    }

    /** Replaces the connection (the demo points it at the Kratos it started). */
    Connection connect(URI publicUrl) {
        closeConnection();
        connection = Connection.open(publicUrl, timeout);
        return connection;
    }

    static URI httpUrl(String option, String value) {
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw CliException.invalidInput(option + " '" + value + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || uri.getHost() == null || uri.getHost().isBlank()) {
            throw CliException.invalidInput(option + " '" + value
                    + "' is not an absolute http(s) URL (e.g. " + KratosFlowsCli.DEFAULT_PUBLIC_URL + ")");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            // The value is not repeated: it may hold a password.
            throw CliException.invalidInput(option + " must not carry a query, fragment or credentials");
        }
        return uri;
    }

    private void closeConnection() {
        if (connection != null) {
            output.trace(connection.trace().drain());
            connection.close();
            connection = null;
        }
    }

    @Override
    public void close() {
        closeConnection();
    }
}
