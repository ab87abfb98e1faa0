package io.kratosflows.cli;

import io.kratosflows.Secret;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Secrets given on standard input ({@code --password-stdin}, {@code --current-password-stdin},
 * {@code --code-stdin} and the other {@code --…-code-stdin} options), one per line in a fixed order
 * whatever order the flow uses them in: the password, then the current password, then the code.
 * Only the options given take a line. So a script writes, e.g. for {@code recover --code-stdin
 * --password-stdin}, the new password first and the code second.
 */
final class StdinSecrets {

    /** The lines, in their order on standard input. */
    enum Slot {
        PASSWORD("--password-stdin"),
        CURRENT_PASSWORD("--current-password-stdin"),
        CODE("--code-stdin");

        private final String option;

        Slot(String option) {
            this.option = option;
        }

        String option() {
            return option;
        }
    }

    /** Options that read a one-time code from standard input; at most one per run. */
    static final List<String> CODE_OPTIONS = List.of("--code-stdin", "--totp-code-stdin", "--lookup-code-stdin",
            "--init-code-stdin");

    private final Terminal terminal;
    private final Map<Slot, String> given = new EnumMap<>(Slot.class);
    private final Map<Slot, Secret> read = new EnumMap<>(Slot.class);

    private StdinSecrets(Terminal terminal) {
        this.terminal = terminal;
    }

    /** The slots for the options a command was given ({@code matched}: long option names). */
    static StdinSecrets of(Terminal terminal, Set<String> matched) {
        StdinSecrets secrets = new StdinSecrets(terminal);
        if (matched.contains(Slot.PASSWORD.option())) {
            secrets.given.put(Slot.PASSWORD, Slot.PASSWORD.option());
        }
        if (matched.contains(Slot.CURRENT_PASSWORD.option())) {
            secrets.given.put(Slot.CURRENT_PASSWORD, Slot.CURRENT_PASSWORD.option());
        }
        List<String> codes = CODE_OPTIONS.stream().filter(matched::contains).toList();
        if (codes.size() > 1) {
            throw CliException.invalidInput("standard input holds one code: pass only one of "
                    + codes.stream().collect(Collectors.joining(", ")));
        }
        codes.forEach(option -> secrets.given.put(Slot.CODE, option));
        return secrets;
    }

    /** Whether the option of {@code slot} was given. */
    boolean given(Slot slot) {
        return given.containsKey(slot);
    }

    /**
     * The value of {@code slot}: read now with the lines of the slots before it, or as read before.
     *
     * @throws CliException (invalid input) when the option was not given, input ended or the line is empty
     */
    Secret read(Slot slot, String what) {
        if (!given(slot)) {
            throw new IllegalStateException(slot + " was not given"); // a bug: callers check given() first
        }
        for (Slot earlier : Slot.values()) {
            if (given(earlier) && !read.containsKey(earlier)) {
                read.put(earlier, line(earlier, earlier == slot ? what : earlier.name().toLowerCase(Locale.ROOT)
                        .replace('_', ' ')));
            }
            if (earlier == slot) {
                break;
            }
        }
        return read.get(slot);
    }

    private Secret line(Slot slot, String what) {
        String option = given.get(slot);
        char[] chars = terminal.readSecret("").orElseThrow(() -> CliException.invalidInput(
                option + " was given but standard input ended before the " + what));
        Secret secret = Secret.of(new String(chars).strip());
        java.util.Arrays.fill(chars, '\0');
        if (secret.isBlank()) {
            throw CliException.invalidInput(option + ": the " + what + " on standard input is empty");
        }
        return secret;
    }
}
