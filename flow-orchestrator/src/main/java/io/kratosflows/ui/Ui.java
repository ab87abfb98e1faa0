package io.kratosflows.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The form of a flow ({@code uiContainer}): where it is submitted, its nodes and the messages on
 * the whole flow. Applications render it; kratos-flows reads it to tell outcomes apart.
 *
 * @param action   the URL Kratos expects the submission at ({@code ui.action})
 * @param method   the HTTP method ({@code POST})
 * @param nodes    the nodes in Kratos's order
 * @param messages the messages on the flow as a whole
 */
public record Ui(String action, String method, List<UiNode> nodes, List<UiMessage> messages) {

    /** Copies the lists. */
    public Ui {
        Objects.requireNonNull(action, "action == null");
        Objects.requireNonNull(method, "method == null");
        nodes = List.copyOf(nodes);
        messages = List.copyOf(messages);
    }

    /** {@return the nodes of one group, e.g. {@code "password"} or {@code "totp"}} */
    public List<UiNode> nodes(String group) {
        return nodes.stream().filter(n -> n.group().equals(group)).toList();
    }

    /** {@return the first node with this input name or node id} */
    public Optional<UiNode> node(String key) {
        return nodes.stream().filter(n -> n.key().equals(key)).findFirst();
    }

    /** {@return the distinct method groups offered, in order, without {@code default}} */
    public List<String> groups() {
        return nodes.stream().map(UiNode::group).filter(g -> !g.equals("default")).distinct().toList();
    }

    /** {@return every message: the flow's first, then each node's} */
    public List<UiMessage> allMessages() {
        List<UiMessage> all = new ArrayList<>(messages);
        nodes.forEach(n -> all.addAll(n.messages()));
        return List.copyOf(all);
    }

    /** {@return whether any message on the flow or a node is an error} */
    public boolean hasErrors() {
        return allMessages().stream().anyMatch(UiMessage::isError);
    }

    /**
     * {@return whether Kratos said it has no strategy for the submitted method (messages 4010002 to
     * 4010006)} This is how a server that lacks a method (e.g. passkey on Kratos v1.3) answers.
     */
    public boolean methodNotSupported() {
        return allMessages().stream().anyMatch(m -> m.id() >= 4010002L && m.id() <= 4010006L);
    }

    /** {@return whether a message with this id is on the flow or a node} */
    public boolean hasMessage(long id) {
        return allMessages().stream().anyMatch(m -> m.id() == id);
    }
}
