package io.kratosflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kratosflows.ui.MessageType;
import io.kratosflows.ui.NodeAttributes;
import io.kratosflows.ui.NodeType;
import io.kratosflows.ui.Ui;
import io.kratosflows.ui.UiMessage;
import io.kratosflows.ui.UiNode;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The UI model keeps every value shape Kratos sends, and everything it does not know. */
class UiReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Ui read(String json) throws Exception {
        return UiReader.read(JSON.readTree(json));
    }

    @Test
    void inputValuesKeepTheirJsonType() throws Exception {
        Ui ui = read("""
                {"action":"http://k/self-service/login?flow=1","method":"POST","nodes":[
                 {"type":"input","group":"default","attributes":{"name":"s","type":"text","value":"text","node_type":"input"},"messages":[],"meta":{}},
                 {"type":"input","group":"default","attributes":{"name":"n","type":"number","value":42.5,"node_type":"input"},"messages":[],"meta":{}},
                 {"type":"input","group":"lookup_secret","attributes":{"name":"b","type":"submit","value":true,"node_type":"input"},"messages":[],"meta":{}},
                 {"type":"input","group":"password","attributes":{"name":"absent","type":"password","required":true,"node_type":"input"},"messages":[],"meta":{}}
                ]}""");

        assertEquals(Optional.of("text"), ui.node("s").orElseThrow().input().orElseThrow().value());
        assertEquals(Optional.of(new BigDecimal("42.5")), ui.node("n").orElseThrow().input().orElseThrow().value());
        assertEquals(Optional.of(Boolean.TRUE), ui.node("b").orElseThrow().input().orElseThrow().value());
        var absent = ui.node("absent").orElseThrow().input().orElseThrow();
        assertTrue(absent.value().isEmpty());
        assertTrue(absent.required());
        assertEquals(java.util.List.of("lookup_secret", "password"), ui.groups());
    }

    @Test
    void unknownNodeTypesMessageTypesAndFieldsAreKept() throws Exception {
        Ui ui = read("""
                {"action":"a","method":"POST","messages":[{"id":9999999,"type":"warning","text":"new","context":{"k":[1,2]}}],
                 "nodes":[{"type":"video","group":"media","attributes":{"node_type":"video","src":"https://x/v.mp4","loop":true},
                           "messages":[],"meta":{},"brand_new_field":1}]}""");

        UiNode node = ui.nodes().get(0);
        assertEquals(NodeType.UNKNOWN, node.type());
        assertEquals("video", node.rawType());
        assertTrue(assertInstanceOf(NodeAttributes.Unknown.class, node.attributes()).rawJson().contains("\"loop\":true"));
        UiMessage message = ui.messages().get(0);
        assertEquals(MessageType.UNKNOWN, message.type());
        assertEquals("warning", message.rawType());
        assertEquals(java.util.List.of(new BigDecimal(1), new BigDecimal(2)), message.context().get("k"));
    }

    @Test
    void missingOrWronglyTypedPartsBecomeEmptyNotExceptions() throws Exception {
        Ui ui = read("{\"nodes\":[{\"type\":\"input\",\"attributes\":{\"node_type\":\"input\"}},{}],\"messages\":\"oops\"}");

        assertEquals(2, ui.nodes().size());
        assertEquals("", ui.nodes().get(0).key());
        assertEquals(NodeType.UNKNOWN, ui.nodes().get(1).type());
        assertTrue(ui.messages().isEmpty());
        assertEquals("", ui.action());
    }

    @Test
    void everyNodeKindIsReadWithItsAttributes() throws Exception {
        Ui ui = read("""
                {"nodes":[
                  {"type":"text","group":"totp","attributes":{"node_type":"text","id":"t"},"messages":[],"meta":{"label":"not an object"}},
                  {"type":"a","group":"oidc","attributes":{"node_type":"a","id":"link","href":"https://x","title":"plain"},"meta":{}},
                  {"type":"a","group":"oidc","attributes":{"node_type":"a","id":"link2","href":"https://y","title":{"id":7,"type":"info","text":"Go"}}},
                  {"type":"script","group":"webauthn","attributes":{"node_type":"script","id":"s","src":"https://x/s.js","integrity":"sha","nonce":"n"}},
                  {"type":"div","group":"captcha","attributes":{"node_type":"div","id":"d","class":"c","data":{"sitekey":"k","size":3}}},
                  {"type":"img","group":"totp","attributes":{"node_type":"img","id":"q","src":"https://x/q.png","width":256,"height":"x"},
                   "meta":{"label":{"id":1050005,"type":"info","text":"QR"}}},
                  {"type":"input","group":"default","attributes":{"name":"csrf_token","type":"hidden","required":true,"disabled":true,
                   "autocomplete":"off","pattern":"\\\\d+","maxlength":6}}
                ]}""");

        var text = assertInstanceOf(NodeAttributes.Text.class, ui.nodes().get(0).attributes());
        assertEquals(new UiMessage(0, MessageType.UNKNOWN, "", "", java.util.Map.of()), text.text());
        assertEquals(Optional.empty(), ui.nodes().get(0).label());
        assertEquals("", assertInstanceOf(NodeAttributes.Anchor.class, ui.nodes().get(1).attributes()).title().text());
        assertEquals("Go", assertInstanceOf(NodeAttributes.Anchor.class, ui.nodes().get(2).attributes()).title().text());
        assertEquals(new NodeAttributes.Script("s", "https://x/s.js", Optional.of("sha"), Optional.of("n")), ui.nodes().get(3).attributes());
        assertEquals(new NodeAttributes.Division("d", Optional.of("c"), java.util.Map.of("sitekey", "k", "size", "3")), ui.nodes().get(4).attributes());
        assertEquals(new NodeAttributes.Image("q", "https://x/q.png", Optional.of(256), Optional.empty()), ui.nodes().get(5).attributes());
        assertEquals("QR", ui.nodes().get(5).label().orElseThrow().text());
        var input = assertInstanceOf(NodeAttributes.Input.class, ui.nodes().get(6).attributes());
        assertEquals(NodeType.INPUT, ui.nodes().get(6).type(), "node_type missing: the node's own type decides");
        assertTrue(input.required() && input.disabled());
        assertEquals(Optional.of("off"), input.autocomplete());
        assertEquals(Optional.of(6), input.maxLength());
        assertEquals("", ui.action());
        assertEquals("POST", ui.method());
    }

    @Test
    void aThousandNodesAreReadMoreAreTooLarge() throws Exception {
        String node = "{\"type\":\"input\",\"group\":\"default\",\"attributes\":{\"node_type\":\"input\",\"name\":\"n\"}}";
        String thousand = "{\"nodes\":[" + String.join(",", java.util.Collections.nCopies(1000, node)) + "]}";
        String more = "{\"nodes\":[" + String.join(",", java.util.Collections.nCopies(1001, node)) + "]}";

        assertTrue(!UiReader.tooLarge(JSON.readTree(thousand)));
        assertTrue(UiReader.tooLarge(JSON.readTree(more)));
    }

    @Test
    void aNodeOfANewTypeWithoutAttributesKeepsAnEmptyObject() throws Exception {
        Ui ui = read("{\"nodes\":[{\"type\":\"video\",\"group\":\"default\"}]}");

        assertEquals(new NodeAttributes.Unknown("video", "{}"), ui.nodes().get(0).attributes());
        assertEquals(NodeType.UNKNOWN, ui.nodes().get(0).type());
        assertEquals("video", ui.nodes().get(0).rawType());
    }
}
