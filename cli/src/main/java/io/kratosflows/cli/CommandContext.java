package io.kratosflows.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one command run needs: the terminal, output mode, whether to prompt, the Kratos URLs
 * and timeout (resolved from options, environment and profile), the secrets given on standard
 * input, the command's {@code --json} data and last outcome, and (opened on first use) the
 * {@link Connection}. Closing it prints the request trace with {@code --verbose} and closes the
 * connection.
 */
final class CommandContext implements AutoCloseable {

    /**
     * A configured value and where it came from, for messages.
     *
     * @param value the value as given
     * @param where the option, variable or profile key that gave it
     */
    record Setting(String value, String where) {
        Setting {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(where, "where");
        }
    }

    private final Terminal terminal;
    private final Output output;
    private final boolean interactive;
    private final String command;
    private final Setting kratosUrl;
    private final Optional<Setting> adminUrl;
    private final Duration timeout;
    private final Optional<Path> tokenFile;
    private final StdinSecrets stdin;
    private final Prompter prompter;
    private final ObjectNode data = Output.object();
    private Optional<String> outcome = Optional.empty();
    private Connection connection;
    private Optional<Setting> connectedUrl = Optional.empty();

    CommandContext(Terminal terminal, Output output, boolean interactive, String command, Setting kratosUrl,
            Optional<Setting> adminUrl, Duration timeout, Optional<Path> tokenFile, StdinSecrets stdin) {
        this.terminal = Objects.requireNonNull(terminal, "terminal");
        this.output = Objects.requireNonNull(output, "output");
        this.interactive = interactive;
        this.command = Objects.requireNonNull(command, "command");
        this.kratosUrl = Objects.requireNonNull(kratosUrl, "kratosUrl");
        this.adminUrl = Objects.requireNonNull(adminUrl, "adminUrl");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.tokenFile = Objects.requireNonNull(tokenFile, "tokenFile");
        this.stdin = Objects.requireNonNull(stdin, "stdin");
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

    /** The command's name as {@code --json} reports it, e.g. {@code login} or {@code flows show}. */
    String command() {
        return command;
    }

    /** The secrets given on standard input. */
    StdinSecrets stdin() {
        return stdin;
    }

    /** The command's {@code data} in the {@code --json} envelope; filled as the command goes. */
    ObjectNode data() {
        return data;
    }

    /** The last outcome Kratos answered, by name ({@code --json}'s {@code outcome}). */
    Optional<String> outcome() {
        return outcome;
    }

    /** Records {@code outcome} as the last one Kratos answered and returns it. */
    <O> O answered(O outcome) {
        this.outcome = Optional.of(Outcomes.name(outcome));
        return outcome;
    }

    /** The profile's token file ({@code token-file}, else the default location); empty without a home folder. */
    Optional<Path> profileTokenFile() {
        return tokenFile;
    }

    /** Whether the status line may be drawn: a person watches a terminal and did not ask for quiet. */
    boolean spinnerEnabled() {
        return !output.quiet() && !output.json() && terminal.hasConsole();
    }

    /** {@code --kratos-url}, else {@code $KRATOS_PUBLIC_URL}, else the profile's, else the default, validated. */
    URI publicUrl() {
        return httpUrl(kratosUrl.where(), kratosUrl.value());
    }

    /** {@code --admin-url}, else {@code $KRATOS_ADMIN_URL}, else the profile's, validated; empty when none is set. */
    Optional<URI> adminUrl() {
        return adminUrl.map(s -> httpUrl(s.where(), s.value()));
    }

    /** The connection to the public URL, opened on first use. */
    Connection connection() {
        if (connection == null) {
            URI url = publicUrl();
            connection = Connection.open(url, timeout);
            connectedUrl = Optional.of(new Setting(url.toString(), kratosUrl.where()));
        }
        return connection;
    }

    /** Replaces the connection (the demo points it at the Kratos it started). */
    Connection connect(URI publicUrl) {
        closeConnection();
        connection = Connection.open(publicUrl, timeout);
        connectedUrl = Optional.of(new Setting(publicUrl.toString(), "the local Kratos"));
        return connection;
    }

    /** The URL the last connection went to and where it was configured; empty before any. */
    Optional<Setting> connectedUrl() {
        return connectedUrl;
    }

    /**
     * An absolute http(s) URL with a host and a port in range. The scheme is taken in any case
     * ({@code HTTP://} is {@code http://}, as RFC 3986 says) and passed on in lower case.
     */
    static URI httpUrl(String where, String value) {
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw CliException.invalidInput(where + " '" + value + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isBlank()) {
            if (uri.getRawUserInfo() != null) {
                throw CliException.invalidInput(where + " must not carry credentials"); // the value may hold a password
            }
            throw CliException.invalidInput(where + " '" + value
                    + "' is not an absolute http(s) URL (e.g. " + KratosFlowsCli.DEFAULT_PUBLIC_URL + ")");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            // The value is not repeated: it may hold a password.
            throw CliException.invalidInput(where + " must not carry a query, fragment or credentials");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw CliException.invalidInput(where + " '" + value + "': port " + uri.getPort()
                    + " is out of range (1-65535)");
        }
        if (!scheme.equals(uri.getScheme())) {
            uri = URI.create(scheme + uri.toString().substring(scheme.length()));
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
