package io.kratosflows.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kratosflows.generated.model.LoginFlow;
import io.kratosflows.generated.model.RecoveryFlow;
import io.kratosflows.generated.model.RegistrationFlow;
import io.kratosflows.generated.model.SettingsFlow;
import io.kratosflows.generated.model.UiNode;
import io.kratosflows.generated.model.UiNodeAnchorAttributes;
import io.kratosflows.generated.model.UiNodeAttributes;
import io.kratosflows.generated.model.UiNodeImageAttributes;
import io.kratosflows.generated.model.UiNodeInputAttributes;
import io.kratosflows.generated.model.UiNodeScriptAttributes;
import io.kratosflows.generated.model.UiNodeTextAttributes;
import io.kratosflows.generated.model.VerificationFlow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** UI node attributes are picked by {@code node_type} and survive a round trip unchanged. */
class UiNodeAttributesRoundTripTest {

    private static final Map<String, Class<?>> BY_NODE_TYPE = byNodeType();

    private static Map<String, Class<?>> byNodeType() {
        Map<String, Class<?>> types = new java.util.HashMap<>(Map.of(
                "input", UiNodeInputAttributes.class,
                "text", UiNodeTextAttributes.class,
                "img", UiNodeImageAttributes.class,
                "a", UiNodeAnchorAttributes.class,
                "script", UiNodeScriptAttributes.class));
        // div nodes came with Kratos v1.x's successors: a client generated from an older spec has no model for them.
        try {
            types.put("div", Class.forName("io.kratosflows.generated.model.UiNodeDivisionAttributes"));
        } catch (ClassNotFoundException olderSpec) {
            // nothing to check for div
        }
        return Map.copyOf(types);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "login/create.200.json", "login/submit-code-sent.400.json",
            "registration/create.200.json", "registration/submit-password-too-short.400.json",
            "settings/create.200.json", "settings/submit-lookup-regenerate-after-saved.200.json",
            "recovery/submit-code-success.200.json", "verification/submit-code-success.200.json"})
    void everyRecordedNodeMapsToTheVariantOfItsNodeTypeAndRoundTrips(String fixture) {
        // The fixtures are Kratos v26.2.0 bodies: models generated from a v1.x spec drop what v1.x did not
        // describe, by design (the orchestrator reads bodies with its own tolerant model instead).
        org.junit.jupiter.api.Assumptions.assumeFalse(io.kratosflows.generated.invoker.Operation.SPEC_FILE.matches(".*v1\\.\\d+\\.\\d+.*"),
                "lossless round trip of v26.2.0 bodies not expected from " + io.kratosflows.generated.invoker.Operation.SPEC);
        ObjectNode json = Fixtures.tree(fixture);
        Class<?> flowType = flowTypeOf(fixture);

        Object flow = Fixtures.read(json, flowType);
        JsonNode nodes = json.path("ui").path("nodes");
        JsonNode written = Fixtures.write(flow).path("ui").path("nodes");

        assertTrue(nodes.size() > 0, "fixture has nodes");
        List<UiNode> parsed = uiNodes(flow);
        for (int i = 0; i < nodes.size(); i++) {
            String nodeType = nodes.get(i).path("attributes").path("node_type").asText();
            assertInstanceOf(BY_NODE_TYPE.get(nodeType), parsed.get(i).getAttributes(), "node " + i);
            Fixtures.assertSameJson(nodes.get(i), written.get(i), "node " + i + " of " + fixture);
        }
    }

    @Test
    void settingsFlowCarriesTextAndImageNodesForTotp() {
        SettingsFlow flow = Fixtures.read(Fixtures.tree("settings/create.200.json"), SettingsFlow.class);
        List<UiNode> totp = flow.getUi().getNodes().stream()
                .filter(n -> n.getGroup() == UiNode.GroupEnum.TOTP).toList();
        assertTrue(totp.stream().anyMatch(n -> n.getAttributes() instanceof UiNodeImageAttributes), "QR image");
        assertTrue(totp.stream().anyMatch(n -> n.getAttributes() instanceof UiNodeTextAttributes), "secret text");
    }

    /**
     * A node type that a newer Kratos might add does not break parsing: the flow and all other
     * nodes are read, the node's {@code type} becomes {@code UNKNOWN_DEFAULT_OPEN_API} and its
     * attributes are {@code null} (the generated client cannot keep what it has no class for;
     * the orchestrator's own UI model keeps the raw JSON instead).
     */
    @Test
    void unknownNodeTypeDoesNotThrowAndLeavesOtherNodesIntact() {
        ObjectNode json = Fixtures.tree("login/create.200.json");
        ObjectNode node = (ObjectNode) json.path("ui").path("nodes").get(0);
        node.put("type", "video");
        ((ObjectNode) node.path("attributes")).put("node_type", "video");

        LoginFlow flow = Fixtures.read(json, LoginFlow.class);

        UiNode unknown = flow.getUi().getNodes().get(0);
        assertEquals(UiNode.TypeEnum.UNKNOWN_DEFAULT_OPEN_API, unknown.getType());
        assertNull(unknown.getAttributes());
        assertEquals(json.path("ui").path("nodes").size(), flow.getUi().getNodes().size());
        flow.getUi().getNodes().subList(1, flow.getUi().getNodes().size())
                .forEach(n -> assertInstanceOf(UiNodeInputAttributes.class, n.getAttributes()));
    }

    @Test
    void unknownGroupBecomesTheUnknownEnumCase() {
        ObjectNode json = Fixtures.tree("login/create.200.json");
        ((ObjectNode) json.path("ui").path("nodes").get(0)).put("group", "quantum");

        LoginFlow flow = Fixtures.read(json, LoginFlow.class);

        assertEquals(UiNode.GroupEnum.UNKNOWN_DEFAULT_OPEN_API, flow.getUi().getNodes().get(0).getGroup());
    }

    private static Class<?> flowTypeOf(String fixture) {
        return switch (fixture.substring(0, fixture.indexOf('/'))) {
            case "login" -> LoginFlow.class;
            case "registration" -> RegistrationFlow.class;
            case "settings" -> SettingsFlow.class;
            case "recovery" -> RecoveryFlow.class;
            case "verification" -> VerificationFlow.class;
            default -> throw new IllegalArgumentException(fixture);
        };
    }

    private static List<UiNode> uiNodes(Object flow) {
        if (flow instanceof LoginFlow f) return f.getUi().getNodes();
        if (flow instanceof RegistrationFlow f) return f.getUi().getNodes();
        if (flow instanceof SettingsFlow f) return f.getUi().getNodes();
        if (flow instanceof RecoveryFlow f) return f.getUi().getNodes();
        return ((VerificationFlow) flow).getUi().getNodes();
    }
}
