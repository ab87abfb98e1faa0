package io.kratosflows.ui;

/** The kind of a {@link UiNode}. {@link #UNKNOWN} keeps a node type a newer Kratos may add. */
public enum NodeType {
    /** A form input ({@code input}). */
    INPUT,
    /** A text ({@code text}), for example a TOTP secret or lookup codes. */
    TEXT,
    /** An image ({@code img}), for example a TOTP QR code. */
    IMG,
    /** A link ({@code a}). */
    A,
    /** A script ({@code script}), for example WebAuthn helpers. */
    SCRIPT,
    /** A division ({@code div}), for example a captcha container. */
    DIV,
    /** A node type this library does not know; its JSON is kept in {@link NodeAttributes.Unknown}. */
    UNKNOWN;

    /** {@return the node type for a wire value; {@link #UNKNOWN} for anything else} */
    public static NodeType fromWire(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        return switch (value) {
            case "input" -> INPUT;
            case "text" -> TEXT;
            case "img" -> IMG;
            case "a" -> A;
            case "script" -> SCRIPT;
            case "div" -> DIV;
            default -> UNKNOWN;
        };
    }
}
