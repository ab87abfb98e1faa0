package io.kratosflows.cli;

import io.kratosflows.ui.NodeAttributes;
import io.kratosflows.ui.Ui;
import io.kratosflows.ui.UiMessage;
import io.kratosflows.ui.UiNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a flow's UI (nodes and messages) into text lines for a terminal. Pure functions, so the
 * rendering is unit-tested from recorded Kratos responses. Secrets in a form (password and code
 * values, the TOTP secret, backup codes, a TOTP QR code) print as {@code ***} unless the caller
 * asked to see them.
 */
final class UiRenderer {

    /** Inputs that hold a one-time code or a password whatever their HTML type. */
    private static final Set<String> SECRET_INPUT_NAMES = Set.of("password", "code", "totp_code",
            "lookup_secret", "csrf_token");

    private UiRenderer() {
    }

    /** {@code [error 4000006] The provided credentials are invalid, ...}. */
    static String message(UiMessage message, boolean showSecrets) {
        String text = message.holdsSecret() && !showSecrets ? "***" : message.text();
        return "[" + message.rawType() + " " + message.id() + "] " + text;
    }

    /** The flow's messages, then each node's, prefixed with the field it belongs to. */
    static List<String> messages(Ui ui, boolean showSecrets) {
        List<String> lines = new ArrayList<>();
        ui.messages().forEach(m -> lines.add(message(m, showSecrets)));
        for (UiNode node : ui.nodes()) {
            for (UiMessage m : node.messages()) {
                lines.add(message(m, showSecrets).replaceFirst("] ", "] " + node.key() + ": "));
            }
        }
        return lines;
    }

    /** What a person reads as the node's name: its label, else its name or id. */
    static String label(UiNode node) {
        Optional<UiMessage> label = node.label().or(() -> node.input().flatMap(NodeAttributes.Input::label));
        return label.map(UiMessage::text).filter(t -> !t.isBlank()).orElse(node.key());
    }

    /** Whether what is typed into this input must not be echoed or printed. */
    static boolean isSecretInput(NodeAttributes.Input input) {
        return "password".equals(input.type()) || SECRET_INPUT_NAMES.contains(input.name())
                || input.autocomplete().filter("one-time-code"::equals).isPresent();
    }

    /** Whether a person fills this input in (not hidden, not a button, not the CSRF token). */
    static boolean isFillable(NodeAttributes.Input input) {
        return !input.isHidden() && !input.isButton() && !"csrf_token".equals(input.name());
    }

    /** One line per node: group, kind, name, label and what matters about it. */
    static List<String> nodes(Ui ui, boolean showSecrets) {
        List<String> lines = new ArrayList<>();
        for (UiNode node : ui.nodes()) {
            lines.add(node(node, showSecrets));
        }
        return lines;
    }

    static String node(UiNode node, boolean showSecrets) {
        NodeAttributes a = node.attributes();
        String kind;
        String name;
        String detail;
        if (a instanceof NodeAttributes.Input input) {
            kind = input.isButton() ? "button" : input.isHidden() ? "hidden" : "input";
            name = input.isButton() ? input.name() + input.valueAsString().map(v -> "=" + v).orElse("")
                    : input.name();
            detail = inputDetail(input, showSecrets);
        } else if (a instanceof NodeAttributes.Text text) {
            kind = "text";
            name = text.id();
            detail = "= " + (text.text().holdsSecret() && !showSecrets ? "***" : text.text().text());
        } else if (a instanceof NodeAttributes.Image image) {
            kind = "img";
            name = image.id();
            detail = image.src().startsWith("data:")
                    ? (showSecrets ? image.src() : "data URL (" + image.src().length() + " chars, not shown)")
                    : image.src();
        } else if (a instanceof NodeAttributes.Anchor anchor) {
            kind = "link";
            name = anchor.id();
            detail = "-> " + anchor.href();
        } else if (a instanceof NodeAttributes.Script script) {
            kind = "script";
            name = script.id();
            detail = script.src() + " (browser only)";
        } else if (a instanceof NodeAttributes.Division div) {
            kind = "div";
            name = div.id();
            detail = div.cssClass().map(c -> "class " + c).orElse("");
        } else {
            NodeAttributes.Unknown unknown = (NodeAttributes.Unknown) a;
            kind = unknown.nodeType().toLowerCase(Locale.ROOT) + "?";
            name = node.rawType();
            detail = "(a node type this client does not know)";
        }
        String label = label(node);
        String shownLabel = label.equals(name) || label.equals(node.key()) ? "" : "\"" + label + "\"";
        return String.format("  %-14s %-7s %-28s %s %s", node.group(), kind, name, shownLabel, detail).stripTrailing();
    }

    private static String inputDetail(NodeAttributes.Input input, boolean showSecrets) {
        List<String> parts = new ArrayList<>();
        if (!input.isButton() && !input.isHidden()) {
            parts.add(input.type());
        }
        if (input.required()) {
            parts.add("required");
        }
        if (input.disabled()) {
            parts.add("disabled");
        }
        if (!input.isButton()) {
            input.valueAsString().filter(v -> !v.isEmpty()).ifPresent(v -> parts.add("value "
                    + (isSecretInput(input) || (input.isHidden() && !showSecrets) ? "***" : shorten(v))));
        }
        return String.join(", ", parts);
    }

    private static String shorten(String value) {
        return value.length() > 60 ? value.substring(0, 57) + "..." : value;
    }
}
