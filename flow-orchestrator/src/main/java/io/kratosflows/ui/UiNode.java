package io.kratosflows.ui;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One element of a flow's form ({@code uiNode}): its kind, the method group it belongs to
 * ({@code default}, {@code password}, {@code code}, {@code oidc}, {@code totp}, ...), its
 * attributes, the messages attached to it and its label.
 *
 * @param type       the node kind; {@link NodeType#UNKNOWN} for a kind a newer Kratos may add
 * @param rawType    the node kind as Kratos wrote it
 * @param group      the method group as Kratos wrote it (kept as text so that new groups pass)
 * @param attributes the attributes of the node kind
 * @param messages   messages on this node, e.g. "Property email is missing."
 * @param label      the label in {@code meta.label}, when present
 */
public record UiNode(NodeType type, String rawType, String group, NodeAttributes attributes,
                     List<UiMessage> messages, Optional<UiMessage> label) {

    /** Copies the message list. */
    public UiNode {
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(rawType, "rawType == null");
        Objects.requireNonNull(group, "group == null");
        Objects.requireNonNull(attributes, "attributes == null");
        messages = List.copyOf(messages);
        Objects.requireNonNull(label, "label == null");
    }

    /** {@return the input name or node id} */
    public String key() {
        return attributes.key();
    }

    /** {@return the attributes as an input, if this is an input node} */
    public Optional<NodeAttributes.Input> input() {
        return attributes instanceof NodeAttributes.Input i ? Optional.of(i) : Optional.empty();
    }
}
