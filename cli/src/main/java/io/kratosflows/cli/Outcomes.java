package io.kratosflows.cli;

import io.kratosflows.FlowId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What every outcome handler of the CLI shares: an outcome's name for {@code --json} and the
 * failures that end a command with their documented {@link ExitCode}. The handlers themselves stay
 * in the commands, one method per variant, so that a variant the library adds is a compile error
 * in each place that must decide what it means.
 */
final class Outcomes {

    private Outcomes() {
    }

    /**
     * The variant's name in snake case, as {@code --json} prints it: {@code SecondFactorRequired}
     * is {@code second_factor_required}. Taken from the record's name, so a new variant is named too.
     */
    static String name(Object outcome) {
        return outcome.getClass().getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** The flow expired or was replaced: start again (exit 7). */
    static CliException expired(String what, String why, Optional<FlowId> replacement) {
        return new CliException(ExitCode.FLOW_EXPIRED, "the " + what + " flow " + why + ": start again"
                + replacement.map(r -> " (or continue in flow " + r + ")").orElse(""));
    }

    /** The server does not offer the method in this flow; nothing was sent (exit 2). */
    static CliException unavailable(String method, List<String> offered) {
        return CliException.invalidInput("this Kratos does not offer the method '" + method + "' here"
                + (offered.isEmpty() ? "" : "; it offers " + String.join(", ", offered)));
    }

    /** Too many wrong codes: Kratos will not take another in this flow (exit 7). */
    static CliException tooManyAttempts(Optional<FlowId> replacement) {
        return new CliException(ExitCode.FLOW_EXPIRED, "too many wrong codes: start again to get a new code"
                + replacement.map(r -> " (or continue in flow " + r + ")").orElse(""));
    }

    /** The identity is disabled: no flow signs it in (exit 3). */
    static CliException identityDisabled() {
        return CliException.authFailed("the account is disabled: contact the administrator of this Kratos");
    }

    /** An outcome the step cannot continue from (exit 5). */
    static CliException unexpected(String what, Object outcome) {
        return new CliException(ExitCode.UNEXPECTED_RESPONSE, what + " answered " + name(outcome));
    }

    /**
     * The step needs a browser (exit 6): the URL is printed on standard output even with
     * {@code --quiet}, and is {@code data.redirect_browser_to} in {@code --json}.
     */
    static CliException browserRequired(CommandContext ctx, String url) {
        ctx.out().requested("A browser is required to continue: open " + url);
        ctx.data().put("redirect_browser_to", url);
        return new CliException(ExitCode.BROWSER_REQUIRED, "a browser is required to continue: open " + url);
    }
}
