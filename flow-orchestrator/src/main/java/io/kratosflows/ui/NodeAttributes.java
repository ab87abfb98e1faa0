package io.kratosflows.ui;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The attributes of a {@link UiNode}, one variant per Kratos {@code node_type}, plus
 * {@link Unknown} that keeps the raw JSON of a node type a newer Kratos may add.
 */
public sealed interface NodeAttributes {

    /** {@return the node's id or, for inputs, its name} Used to find nodes. */
    String key();

    /**
     * An {@code input}: a field to fill or a button to press.
     *
     * @param name         the field name, e.g. {@code identifier}, {@code traits.email}, {@code method}
     * @param type         the HTML input type (text, password, email, hidden, submit, button, ...)
     * @param value        the pre-set value: a String, Boolean, Number (BigDecimal), or a Map/List for JSON
     * @param required     whether Kratos requires the field
     * @param disabled     whether the field is disabled
     * @param autocomplete the autocomplete hint, e.g. {@code one-time-code}
     * @param pattern      a validation pattern, e.g. {@code [0-9]+}
     * @param maxLength    the maximum length
     * @param label        the label Kratos attaches in {@code attributes.label} (buttons) or empty
     */
    record Input(String name, String type, Optional<Object> value, boolean required, boolean disabled,
                 Optional<String> autocomplete, Optional<String> pattern, Optional<Integer> maxLength,
                 Optional<UiMessage> label) implements NodeAttributes {
        /** Requires name and type. */
        public Input {
            Objects.requireNonNull(name, "name == null");
            Objects.requireNonNull(type, "type == null");
            Objects.requireNonNull(value, "value == null");
            Objects.requireNonNull(autocomplete, "autocomplete == null");
            Objects.requireNonNull(pattern, "pattern == null");
            Objects.requireNonNull(maxLength, "maxLength == null");
            Objects.requireNonNull(label, "label == null");
        }

        @Override
        public String key() {
            return name;
        }

        /** {@return the value as text: strings as they are, other values in their JSON form} */
        public Optional<String> valueAsString() {
            return value.map(String::valueOf);
        }

        /** {@return whether the value is hidden from a user (hidden inputs, passwords)} */
        public boolean isHidden() {
            return "hidden".equals(type);
        }

        /** {@return whether this input is a button (submit or button type)} */
        public boolean isButton() {
            return "submit".equals(type) || "button".equals(type);
        }

        /** Prints a password-type or one-time-code input's value as {@code ***} (Kratos never fills them; a proxy might). */
        @Override
        public String toString() {
            boolean secret = "password".equals(type) || SECRET_INPUTS.contains(name);
            return "Input[name=" + name + ", type=" + type + ", value=" + (secret ? value.map(v -> "***") : value)
                    + ", required=" + required + ", disabled=" + disabled + ", autocomplete=" + autocomplete
                    + ", pattern=" + pattern + ", maxLength=" + maxLength + ", label=" + label + "]";
        }

        private static final java.util.Set<String> SECRET_INPUTS = java.util.Set.of("password", "code", "totp_code",
                "lookup_secret", "session_token");
    }

    /**
     * A {@code text}: for example a TOTP secret (1050006) or lookup secrets (1050015).
     *
     * @param id   the node id, e.g. {@code totp_secret_key}, {@code lookup_secret_codes}
     * @param text the text, with its id and context
     */
    record Text(String id, UiMessage text) implements NodeAttributes {
        /** Requires both components. */
        public Text {
            Objects.requireNonNull(id, "id == null");
            Objects.requireNonNull(text, "text == null");
        }

        @Override
        public String key() {
            return id;
        }
    }

    /**
     * An {@code img}: for example the TOTP QR code as a {@code data:image/png;base64,...} URL.
     *
     * @param id     the node id, e.g. {@code totp_qr}
     * @param src    the image URL; a TOTP QR code embeds the secret, so it prints redacted
     * @param width  the width, when given
     * @param height the height, when given
     */
    record Image(String id, String src, Optional<Integer> width, Optional<Integer> height) implements NodeAttributes {
        /** Requires id and src. */
        public Image {
            Objects.requireNonNull(id, "id == null");
            Objects.requireNonNull(src, "src == null");
            Objects.requireNonNull(width, "width == null");
            Objects.requireNonNull(height, "height == null");
        }

        @Override
        public String key() {
            return id;
        }

        @Override
        public String toString() {
            String shown = src.startsWith("data:") ? "data:***(" + src.length() + " chars)" : src;
            return "Image[id=" + id + ", src=" + shown + ", width=" + width + ", height=" + height + "]";
        }
    }

    /**
     * An {@code a}: a link, for example "Continue" after verification.
     *
     * @param id    the node id
     * @param href  the target URL
     * @param title the link text
     */
    record Anchor(String id, String href, UiMessage title) implements NodeAttributes {
        /** Requires all components. */
        public Anchor {
            Objects.requireNonNull(id, "id == null");
            Objects.requireNonNull(href, "href == null");
            Objects.requireNonNull(title, "title == null");
        }

        @Override
        public String key() {
            return id;
        }
    }

    /**
     * A {@code script}: for example the WebAuthn helper a browser would load.
     *
     * @param id        the node id
     * @param src       the script URL
     * @param integrity the subresource integrity hash, when given
     * @param nonce     the CSP nonce, when given
     */
    record Script(String id, String src, Optional<String> integrity, Optional<String> nonce) implements NodeAttributes {
        /** Requires id and src. */
        public Script {
            Objects.requireNonNull(id, "id == null");
            Objects.requireNonNull(src, "src == null");
            Objects.requireNonNull(integrity, "integrity == null");
            Objects.requireNonNull(nonce, "nonce == null");
        }

        @Override
        public String key() {
            return id;
        }
    }

    /**
     * A {@code div}: a container, for example for a captcha widget.
     *
     * @param id        the node id
     * @param cssClass  the CSS class, when given
     * @param data      the {@code data-*} values
     */
    record Division(String id, Optional<String> cssClass, Map<String, String> data) implements NodeAttributes {
        /** Copies the data map. */
        public Division {
            Objects.requireNonNull(id, "id == null");
            Objects.requireNonNull(cssClass, "cssClass == null");
            data = Map.copyOf(data);
        }

        @Override
        public String key() {
            return id;
        }
    }

    /**
     * A node type this library does not know. Nothing is dropped: the JSON of the attributes is kept
     * (and printed masked).
     *
     * @param nodeType the {@code node_type} Kratos wrote
     * @param rawJson  the attributes object as JSON text
     */
    record Unknown(String nodeType, String rawJson) implements NodeAttributes {
        /** Requires both components. */
        public Unknown {
            Objects.requireNonNull(nodeType, "nodeType == null");
            Objects.requireNonNull(rawJson, "rawJson == null");
        }

        @Override
        public String key() {
            return "";
        }

        /** Prints without the JSON, whose values a new node type may use for secrets: read {@link #rawJson()}. */
        @Override
        public String toString() {
            return "Unknown[nodeType=" + nodeType + ", rawJson=*** (" + rawJson.length() + " chars)]";
        }
    }
}
