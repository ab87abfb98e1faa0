package io.kratosflows.cli;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The documented exit codes of {@code kratos-flows}: scripts branch on them, so each kind of failure
 * has its own code and the codes never change meaning.
 */
public enum ExitCode {
    /** The command did what was asked. */
    OK(0, "success"),
    /** A bug in kratos-flows; rerun with --verbose for the stack trace. */
    INTERNAL_ERROR(1, "internal error (a bug: rerun with --verbose and report it)"),
    /** Unknown command or option, a bad URL, missing or invalid input (also when Kratos rejects it). */
    INVALID_INPUT(2, "usage error or invalid input (bad command, option or URL; input rejected)"),
    /** Wrong password or code, no or unknown session, second factor missing. */
    AUTH_FAILED(3, "authentication failed (wrong password/code, not signed in, no 2nd factor)"),
    /** Nothing answers at the Kratos URL, a timeout, a rate limit (429/503), or no Kratos for the demo. */
    KRATOS_UNREACHABLE(4, "Kratos unreachable (refused, timeout, 429/503; demo: no Kratos at all)"),
    /** Kratos answered something kratos-flows cannot map, or what answers is not HTTP. */
    UNEXPECTED_RESPONSE(5, "unexpected response from Kratos (or not HTTP at the URL)"),
    /** The step needs a browser (social sign-in, passkeys); the URL is printed. */
    BROWSER_REQUIRED(6, "a browser is required (the URL to open is printed)"),
    /** The flow expired or was replaced; start again. */
    FLOW_EXPIRED(7, "the flow expired or was already used: start again");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The process exit status. */
    public int code() {
        return code;
    }

    /** The code's name in {@code --json} ({@code error.kind}): {@code auth_failed}, {@code flow_expired}, ... */
    public String kind() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** One line for the help footer and the README's exit-code table. */
    public String meaning() {
        return meaning;
    }

    /** The table printed at the end of {@code --help}. */
    static String helpTable() {
        return Stream.of(values()).map(e -> String.format("  %d  %s", e.code, e.meaning))
                .collect(Collectors.joining("%n"));
    }
}
