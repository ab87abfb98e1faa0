package io.kratosflows.ui;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A message Kratos attaches to a flow or a node ({@code uiText}): a stable numeric id (see Kratos's
 * message catalogue, e.g. 4000006 "invalid credentials"), a type, an English text and a context.
 *
 * <p>Messages that carry secrets print their text as {@code ***} in {@link #toString()}: the TOTP
 * secret 1050006 and lookup secrets 1050009/1050015, and any message whose context has a
 * {@code secret} or {@code secrets} key (so a renumbered message stays redacted). Contexts print
 * as their keys only.
 *
 * @param id      the message id; compare on it, not on the text
 * @param type    info, error or success; {@link MessageType#UNKNOWN} for a newer type
 * @param rawType the type as Kratos wrote it
 * @param text    the English text
 * @param context the message's context values (may be empty), as JSON-like Java values
 */
public record UiMessage(long id, MessageType type, String rawType, String text, Map<String, Object> context) {

    private static final Set<Long> SECRET_IDS = Set.of(1050006L, 1050009L, 1050015L);

    /** Copies the context; requires the type and text. */
    public UiMessage {
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(rawType, "rawType == null");
        Objects.requireNonNull(text, "text == null");
        context = context == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(context));
    }

    /** {@return whether this is an error message} */
    public boolean isError() {
        return type == MessageType.ERROR;
    }

    /** {@return whether the text or context of this message holds a secret (TOTP secret, lookup codes)} */
    public boolean holdsSecret() {
        return SECRET_IDS.contains(id) || context.keySet().stream().anyMatch(k -> k.toLowerCase(java.util.Locale.ROOT).contains("secret"));
    }

    @Override
    public String toString() {
        return "UiMessage[id=" + id + ", type=" + rawType + ", text=" + (holdsSecret() ? "***" : text)
                + ", context=" + context.keySet() + "]";
    }
}
