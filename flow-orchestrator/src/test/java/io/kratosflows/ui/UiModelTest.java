package io.kratosflows.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The UI model's questions: nodes by group and key, methods offered, messages, and the wire values of node and message types. */
class UiModelTest {

    static UiMessage message(long id, MessageType type) {
        return new UiMessage(id, type, type.name().toLowerCase(), "text " + id, Map.of());
    }

    static UiNode input(String group, String name, String type, UiMessage... messages) {
        return new UiNode(NodeType.INPUT, "input", group, new NodeAttributes.Input(name, type, Optional.empty(), false, false,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), List.of(messages), Optional.empty());
    }

    private static Ui ui(List<UiNode> nodes, UiMessage... messages) {
        return new Ui("https://kratos.example/self-service/login?flow=f", "POST", nodes, List.of(messages));
    }

    @Test
    void nodesAreFoundByGroupAndKeyAndDefaultIsNoMethod() {
        UiNode csrf = input("default", "csrf_token", "hidden");
        UiNode identifier = input("password", "identifier", "text");
        UiNode password = input("password", "password", "password");
        UiNode code = input("code", "code", "text");
        Ui ui = ui(List.of(csrf, identifier, password, code));

        assertEquals(List.of(identifier, password), ui.nodes("password"));
        assertEquals(List.of(), ui.nodes("totp"));
        assertEquals(Optional.of(code), ui.node("code"));
        assertEquals(Optional.empty(), ui.node("totp_code"));
        assertEquals(List.of("password", "code"), ui.groups());
    }

    @Test
    void messagesOfTheFormAndOfItsNodesCount() {
        UiMessage info = message(1010014, MessageType.INFO);
        UiMessage error = message(4000006, MessageType.ERROR);
        Ui withNodeError = ui(List.of(input("password", "password", "password", error)), info);
        Ui infoOnly = ui(List.of(input("password", "password", "password")), info);

        assertEquals(List.of(info, error), withNodeError.allMessages());
        assertTrue(withNodeError.hasErrors());
        assertFalse(infoOnly.hasErrors());
        assertTrue(withNodeError.hasMessage(4000006));
        assertFalse(infoOnly.hasMessage(4000006));
    }

    @Test
    void methodNotSupportedIsMessages4010002To4010006() {
        for (long id : new long[] {4010002, 4010006}) {
            assertTrue(ui(List.of(), message(id, MessageType.ERROR)).methodNotSupported(), "message " + id);
        }
        for (long id : new long[] {4010001, 4010007}) {
            assertFalse(ui(List.of(), message(id, MessageType.ERROR)).methodNotSupported(), "message " + id);
        }
    }

    @Test
    void typesReadTheirWireValuesAndKeepTheRestUnknown() {
        assertEquals(List.of(NodeType.INPUT, NodeType.TEXT, NodeType.IMG, NodeType.A, NodeType.SCRIPT, NodeType.DIV, NodeType.UNKNOWN,
                NodeType.UNKNOWN), java.util.Arrays.asList("input", "text", "img", "a", "script", "div", "video", null).stream()
                .map(NodeType::fromWire).toList());
        assertEquals(List.of(MessageType.INFO, MessageType.ERROR, MessageType.SUCCESS, MessageType.UNKNOWN, MessageType.UNKNOWN),
                java.util.Arrays.asList("info", "error", "success", "warning", null).stream().map(MessageType::fromWire).toList());
    }

    @Test
    void inputsSayWhetherTheyAreHiddenOrButtonsAndGiveTheirValueAsText() {
        var submit = new NodeAttributes.Input("method", "submit", Optional.of(42), false, false, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
        var button = new NodeAttributes.Input("resend", "button", Optional.empty(), false, false, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
        var hidden = (NodeAttributes.Input) input("default", "csrf_token", "hidden").attributes();

        assertTrue(submit.isButton() && button.isButton());
        assertFalse(hidden.isButton());
        assertTrue(hidden.isHidden());
        assertFalse(submit.isHidden());
        assertEquals(Optional.of("42"), submit.valueAsString());
        assertEquals(Optional.empty(), button.valueAsString());
        assertEquals("method", submit.key());
    }

    @Test
    void everyNodeKindIsKeyedByItsId() {
        UiMessage title = message(0, MessageType.UNKNOWN);

        assertEquals("link", new NodeAttributes.Anchor("link", "https://x", title).key());
        assertEquals("webauthn_script", new NodeAttributes.Script("webauthn_script", "https://x/s.js", Optional.empty(), Optional.empty()).key());
        assertEquals("captcha", new NodeAttributes.Division("captcha", Optional.empty(), Map.of()).key());
        assertEquals("totp_qr", new NodeAttributes.Image("totp_qr", "https://x/q.png", Optional.empty(), Optional.empty()).key());
        assertEquals("totp_secret_key", new NodeAttributes.Text("totp_secret_key", title).key());
        assertEquals("", new NodeAttributes.Unknown("video", "{}").key());
        UiNode node = new UiNode(NodeType.A, "a", "oidc", new NodeAttributes.Anchor("link", "https://x", title), List.of(), Optional.empty());
        assertEquals("link", node.key());
        assertEquals(Optional.empty(), node.input());
    }

    @Test
    void aMessageCopiesItsContextAndAnImageFromTheWebPrintsItsSource() {
        Map<String, Object> context = new HashMap<>(Map.of("reason", "x"));
        UiMessage message = new UiMessage(4000001, MessageType.ERROR, "error", "text", context);
        context.clear();

        assertEquals(Map.of("reason", "x"), message.context());
        assertEquals(Map.of(), new UiMessage(1, MessageType.INFO, "info", "t", null).context());
        assertTrue(message.isError());
        assertEquals("UiMessage[id=4000001, type=error, text=text, context=[reason]]", message.toString(), "context values are not printed");
        assertEquals("UiMessage[id=1050015, type=info, text=***, context=[]]", new UiMessage(1050015, MessageType.INFO, "info", "c1 c2", Map.of()).toString());
        assertTrue(new NodeAttributes.Image("logo", "https://x/logo.png", Optional.of(1), Optional.of(2)).toString()
                .contains("src=https://x/logo.png"));
    }
}
