package io.kratosflows.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hand-written baseline: what a careful developer writes with Jackson's tree model and no
 * library. One {@code readTree} of the bytes, then the same decisions and fields as the library's
 * outcomes ({@link Facts}): status first, then the body's shape, flow state and message ids.
 */
public final class JacksonBaseline {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long CODE_SENT = 1010014L;

    private JacksonBaseline() {
    }

    /**
     * {@return the facts of one answer to {@code call}}
     *
     * @throws IOException           when the body is not JSON
     * @throws IllegalStateException when the answer is none this call expects
     */
    public static Facts decode(Body.Call call, int status, byte[] body) throws IOException {
        JsonNode root = MAPPER.readTree(body);
        switch (call) {
            case LOGIN_START:
            case SETTINGS_START:
                if (status == 200 && isFlow(root)) {
                    return flow("flow", root);
                }
                break;
            case LOGIN_SUBMIT:
                if (status == 200 && text(root, "session_token").isPresent()) {
                    return session("completed", root.path("session"), true);
                }
                if ((status == 200 || status == 400) && isFlow(root)) {
                    Facts flow = flow("needs-input", root);
                    boolean codeSent = flow.state().filter("sent_email"::equals).isPresent() || flow.messages().contains(CODE_SENT);
                    return codeSent && !hasErrors(root.path("ui")) ? flow("code-sent", root) : flow;
                }
                if (status == 410) {
                    JsonNode error = root.path("error");
                    return Facts.error("expired", text(error, "id"), text(error, "reason"), text(root, "use_flow_id"));
                }
                break;
            case WHOAMI:
                if (status == 200 && root.path("active").asBoolean(false)) {
                    return session("active", root, false);
                }
                if (status == 401) {
                    JsonNode error = root.path("error");
                    return Facts.error("not-signed-in", text(error, "id"), text(error, "reason"), Optional.empty());
                }
                break;
            default:
                break;
        }
        throw new IllegalStateException(call + ": unexpected answer " + status);
    }

    private static boolean isFlow(JsonNode root) {
        return root.path("id").isTextual() && root.path("ui").isObject();
    }

    private static Facts flow(String kind, JsonNode root) {
        JsonNode ui = root.path("ui");
        List<Facts.Node> nodes = new ArrayList<>();
        for (JsonNode n : ui.path("nodes")) {
            JsonNode a = n.path("attributes");
            String type = n.path("type").asText();
            String name;
            Optional<String> value;
            switch (type) {
                case "input":
                    name = a.path("name").asText();
                    value = scalar(a.path("value"));
                    break;
                case "text":
                    name = a.path("id").asText();
                    value = text(a.path("text"), "text");
                    break;
                case "img":
                case "script":
                    name = a.path("id").asText();
                    value = text(a, "src");
                    break;
                case "a":
                    name = a.path("id").asText();
                    value = text(a, "href");
                    break;
                default:
                    name = a.path("id").asText();
                    value = Optional.empty();
                    break;
            }
            nodes.add(new Facts.Node(n.path("group").asText(), type, name, value, ids(n.path("messages"))));
        }
        return Facts.flow(kind, root.path("id").asText(), text(root, "state"), instant(root, "expires_at"), nodes,
                ids(ui.path("messages")));
    }

    private static Facts session(String kind, JsonNode session, boolean token) {
        return Facts.session(kind, session.path("id").asText(), text(session.path("identity"), "id"),
                instant(session, "expires_at"), token);
    }

    private static boolean hasErrors(JsonNode ui) {
        for (JsonNode m : ui.path("messages")) {
            if ("error".equals(m.path("type").asText())) {
                return true;
            }
        }
        for (JsonNode n : ui.path("nodes")) {
            for (JsonNode m : n.path("messages")) {
                if ("error".equals(m.path("type").asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Long> ids(JsonNode messages) {
        List<Long> ids = new ArrayList<>(messages.size());
        for (JsonNode m : messages) {
            ids.add(m.path("id").asLong());
        }
        return ids;
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() ? Optional.of(v.textValue()) : Optional.empty();
    }

    private static Optional<String> scalar(JsonNode v) {
        return v.isValueNode() && !v.isNull() ? Optional.of(v.asText()) : Optional.empty();
    }

    private static Optional<Instant> instant(JsonNode node, String field) {
        return text(node, field).map(Instant::parse);
    }
}
