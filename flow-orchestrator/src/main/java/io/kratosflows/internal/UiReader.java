package io.kratosflows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.kratosflows.ui.MessageType;
import io.kratosflows.ui.NodeAttributes;
import io.kratosflows.ui.NodeType;
import io.kratosflows.ui.Ui;
import io.kratosflows.ui.UiMessage;
import io.kratosflows.ui.UiNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads {@code ui} containers into the tolerant UI model; unknown node types keep their JSON. */
final class UiReader {

    /** More nodes than any Kratos form has (tens); a body with more is not a flow. */
    static final int MAX_NODES = 1_000;

    private UiReader() {
    }

    /** {@return the UI of a flow body ({@code ui} object)} */
    static Ui read(JsonNode ui) {
        List<UiNode> nodes = Json.array(ui, "nodes").stream().map(UiReader::node).toList();
        List<UiMessage> messages = Json.array(ui, "messages").stream().map(UiReader::message).toList();
        return new Ui(Json.text(ui, "action", ""), Json.text(ui, "method", "POST"), nodes, messages);
    }

    /** {@return whether a {@code ui} object has more nodes than this client reads} */
    static boolean tooLarge(JsonNode ui) {
        return ui.path("nodes").size() > MAX_NODES;
    }

    /** {@return one message ({@code uiText})} */
    static UiMessage message(JsonNode text) {
        String type = Json.text(text, "type", "");
        return new UiMessage(Json.longValue(text, "id").orElse(0L), MessageType.fromWire(type), type,
                Json.text(text, "text", ""), Json.map(text, "context"));
    }

    private static Optional<UiMessage> optionalMessage(JsonNode parent, String field) {
        JsonNode text = parent.path(field);
        return text.isObject() ? Optional.of(message(text)) : Optional.empty();
    }

    static UiNode node(JsonNode node) {
        JsonNode attributes = node.path("attributes");
        String nodeType = Json.text(attributes, "node_type").or(() -> Json.text(node, "type")).orElse("");
        String rawType = Json.text(node, "type", nodeType);
        List<UiMessage> messages = Json.array(node, "messages").stream().map(UiReader::message).toList();
        return new UiNode(NodeType.fromWire(rawType), rawType, Json.text(node, "group", ""),
                attributes(nodeType, attributes), messages, optionalMessage(node.path("meta"), "label"));
    }

    private static NodeAttributes attributes(String nodeType, JsonNode a) {
        return switch (nodeType) {
            case "input" -> new NodeAttributes.Input(Json.text(a, "name", ""), Json.text(a, "type", "text"),
                    Optional.ofNullable(Json.plain(a.get("value"))), Json.bool(a, "required"), Json.bool(a, "disabled"),
                    Json.text(a, "autocomplete"), Json.text(a, "pattern"), Json.integer(a, "maxlength"),
                    optionalMessage(a, "label"));
            case "text" -> new NodeAttributes.Text(Json.text(a, "id", ""),
                    a.path("text").isObject() ? message(a.path("text")) : emptyText());
            case "img" -> new NodeAttributes.Image(Json.text(a, "id", ""), Json.text(a, "src", ""),
                    Json.integer(a, "width"), Json.integer(a, "height"));
            case "a" -> new NodeAttributes.Anchor(Json.text(a, "id", ""), Json.text(a, "href", ""),
                    a.path("title").isObject() ? message(a.path("title")) : emptyText());
            case "script" -> new NodeAttributes.Script(Json.text(a, "id", ""), Json.text(a, "src", ""),
                    Json.text(a, "integrity"), Json.text(a, "nonce"));
            case "div" -> new NodeAttributes.Division(Json.text(a, "id", ""), Json.text(a, "class"), data(a.path("data")));
            default -> new NodeAttributes.Unknown(nodeType, a.isMissingNode() ? "{}" : a.toString());
        };
    }

    private static Map<String, String> data(JsonNode data) {
        Map<String, String> values = new LinkedHashMap<>();
        data.properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
        return values;
    }

    private static UiMessage emptyText() {
        return new UiMessage(0, MessageType.UNKNOWN, "", "", Map.of());
    }
}
