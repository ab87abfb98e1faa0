package io.kratosflows.cli;

import io.kratosflows.Secret;
import io.kratosflows.ui.NodeAttributes;
import io.kratosflows.ui.Ui;
import io.kratosflows.ui.UiNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Asks a person for input: plain answers, hidden secrets, a choice from a list, and a whole form
 * rendered from a flow's UI nodes. Reads the console when there is one, standard input lines
 * otherwise (so answers can be piped). End of input is invalid input, never a hang.
 */
final class Prompter {

    private static final int ATTEMPTS = 3;

    /**
     * One option of a choice.
     *
     * @param label what the person reads
     * @param value what the choice stands for
     * @param <T>   the value type
     */
    record Choice<T>(String label, T value) {
        Choice {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * What a person typed into a form: plain values and secrets, by input name.
     *
     * @param text    plain values
     * @param secrets passwords and codes
     */
    record Answers(Map<String, String> text, Map<String, Secret> secrets) {
        Answers {
            text = Map.copyOf(text);
            secrets = Map.copyOf(secrets);
        }

        Optional<String> text(String name) {
            return Optional.ofNullable(text.get(name));
        }

        Optional<Secret> secret(String name) {
            return Optional.ofNullable(secrets.get(name));
        }
    }

    private final Terminal terminal;

    Prompter(Terminal terminal) {
        this.terminal = Objects.requireNonNull(terminal, "terminal");
    }

    /** Prints a line to the person (prompts are not output: they go where the person reads). */
    void say(String line) {
        terminal.out().println(line);
        terminal.out().flush();
    }

    /** An answer; blank takes {@code preset} when given; required answers are asked again. */
    String ask(String label, Optional<String> preset, boolean required) {
        String prompt = label + preset.map(p -> " [" + p + "]").orElse("") + ": ";
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            String answer = terminal.readLine(prompt).orElseThrow(() -> endOfInput(label)).trim();
            if (!answer.isEmpty()) {
                return answer;
            }
            if (preset.isPresent()) {
                return preset.get();
            }
            if (!required) {
                return "";
            }
            say("  " + label + " is required.");
        }
        throw CliException.invalidInput("no answer for '" + label + "'");
    }

    /** A hidden answer (not echoed on a console). */
    Secret secret(String label, boolean required) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            char[] answer = terminal.readSecret(label + ": ").orElseThrow(() -> endOfInput(label));
            Secret secret = Secret.of(new String(answer).strip());
            java.util.Arrays.fill(answer, '\0');
            if (!secret.isBlank() || !required) {
                return secret;
            }
            say("  " + label + " is required.");
        }
        throw CliException.invalidInput("no answer for '" + label + "'");
    }

    /** One of {@code choices}, by number; a single choice is taken without asking. */
    <T> T choose(String question, List<Choice<T>> choices) {
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("nothing to choose from for " + question);
        }
        if (choices.size() == 1) {
            say(question + ": " + choices.get(0).label());
            return choices.get(0).value();
        }
        say(question + ":");
        for (int i = 0; i < choices.size(); i++) {
            say("  " + (i + 1) + ") " + choices.get(i).label());
        }
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            String answer = terminal.readLine("Choose 1-" + choices.size() + ": ")
                    .orElseThrow(() -> endOfInput(question)).trim();
            try {
                int n = Integer.parseInt(answer);
                if (n >= 1 && n <= choices.size()) {
                    return choices.get(n - 1).value();
                }
            } catch (NumberFormatException notANumber) {
                for (Choice<T> c : choices) {
                    if (c.label().equalsIgnoreCase(answer) || c.value().toString().equalsIgnoreCase(answer)) {
                        return c.value();
                    }
                }
            }
            say("  Please answer with a number from 1 to " + choices.size() + ".");
        }
        throw CliException.invalidInput("no valid choice for '" + question + "'");
    }

    /** Yes or no; blank takes {@code preset}. */
    boolean confirm(String question, boolean preset) {
        String answer = terminal.readLine(question + (preset ? " [Y/n]: " : " [y/N]: "))
                .orElseThrow(() -> endOfInput(question)).trim().toLowerCase(java.util.Locale.ROOT);
        return answer.isEmpty() ? preset : answer.startsWith("y");
    }

    /**
     * Asks for every fillable input of {@code groups} (in the flow's order), except those in
     * {@code known}, which are taken as they are. Secret inputs are read hidden; pre-set values
     * are offered as the default.
     */
    Answers fill(Ui ui, Set<String> groups, Map<String, String> known, Set<String> skip) {
        Map<String, String> text = new LinkedHashMap<>(known);
        Map<String, Secret> secrets = new LinkedHashMap<>();
        for (UiNode node : ui.nodes()) {
            Optional<NodeAttributes.Input> input = node.input();
            if (!groups.contains(node.group()) || input.isEmpty() || !UiRenderer.isFillable(input.get())
                    || known.containsKey(input.get().name()) || skip.contains(input.get().name())) {
                continue;
            }
            NodeAttributes.Input in = input.get();
            String label = UiRenderer.label(node);
            node.messages().forEach(m -> say("  " + UiRenderer.message(m, false)));
            if (UiRenderer.isSecretInput(in)) {
                secrets.put(in.name(), secret(label, in.required()));
            } else {
                String answer = ask(label, in.valueAsString().filter(v -> !v.isEmpty()), in.required());
                if (!answer.isEmpty()) {
                    text.put(in.name(), answer);
                }
            }
        }
        return new Answers(text, secrets);
    }

    private static CliException endOfInput(String label) {
        return CliException.invalidInput("input ended before an answer for '" + label + "'");
    }
}
