package io.kratosflows.ui;

/** The type of a {@link UiMessage}. {@link #UNKNOWN} keeps a type a newer Kratos may add. */
public enum MessageType {
    /** Information, for example "A code was sent". */
    INFO,
    /** An error, for example "The provided credentials are invalid". */
    ERROR,
    /** A success, for example "Your changes have been saved!". */
    SUCCESS,
    /** A type this library does not know; see {@link UiMessage#rawType()}. */
    UNKNOWN;

    /** {@return the type for a wire value; {@link #UNKNOWN} for anything else} */
    public static MessageType fromWire(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        return switch (value) {
            case "info" -> INFO;
            case "error" -> ERROR;
            case "success" -> SUCCESS;
            default -> UNKNOWN;
        };
    }
}
