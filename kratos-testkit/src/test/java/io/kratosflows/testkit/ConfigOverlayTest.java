package io.kratosflows.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigOverlayTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    private static ObjectNode config(String yaml) throws Exception {
        return (ObjectNode) YAML.readTree(yaml);
    }

    @Test
    void setsANestedScalarAndKeepsSiblings() throws Exception {
        ObjectNode root = config("selfservice: { flows: { login: { ui_url: http://x/login } } }");
        ConfigOverlay.set("selfservice.flows.login.lifespan", "3s").applyTo(root);

        JsonNode login = root.at("/selfservice/flows/login");
        assertEquals("3s", login.path("lifespan").asText());
        assertTrue(login.path("lifespan").isTextual());
        assertEquals("http://x/login", login.path("ui_url").asText());
    }

    @Test
    void createsMissingIntermediateObjects() throws Exception {
        ObjectNode root = config("dsn: memory");
        ConfigOverlay.set("security.account_enumeration.mitigate", "true").applyTo(root);
        assertTrue(root.at("/security/account_enumeration/mitigate").isBoolean());
        assertTrue(root.at("/security/account_enumeration/mitigate").asBoolean());
    }

    @Test
    void stringsAreReadAsYaml() {
        assertTrue(ConfigOverlay.toNode("15").isInt());
        assertTrue(ConfigOverlay.toNode("false").isBoolean());
        assertTrue(ConfigOverlay.toNode("[]").isArray());
        JsonNode hooks = ConfigOverlay.toNode("[{hook: require_verified_address}]");
        assertEquals("require_verified_address", hooks.get(0).path("hook").asText());
        assertEquals("smtp://u:p@127.0.0.1:25/?disable_starttls=true",
                ConfigOverlay.toNode("smtp://u:p@127.0.0.1:25/?disable_starttls=true").asText());
        assertEquals("", ConfigOverlay.toNode("").asText());
    }

    @Test
    void setStringNeverReadsYaml() throws Exception {
        ObjectNode root = config("a: 1");
        ConfigOverlay.setString("a", "true").applyTo(root);
        assertTrue(root.path("a").isTextual());
    }

    @Test
    void javaListsAndMapsReplaceWholeValues() throws Exception {
        ObjectNode root = config("""
                selfservice:
                  flows:
                    registration:
                      after:
                        password: { hooks: [ { hook: show_verification_ui }, { hook: session } ] }
                """);
        ConfigOverlay.set("selfservice.flows.registration.after.password.hooks", List.of())
                .applyTo(root);
        JsonNode hooks = root.at("/selfservice/flows/registration/after/password/hooks");
        assertTrue(hooks.isArray());
        assertEquals(0, hooks.size());

        ConfigOverlay.set("selfservice.flows.registration.after.password",
                Map.of("hooks", List.of(Map.of("hook", "session")))).applyTo(root);
        assertEquals("session",
                root.at("/selfservice/flows/registration/after/password/hooks/0/hook").asText());
    }

    @Test
    void numericSegmentAddressesAListElement() throws Exception {
        ObjectNode root = config("providers: [ { id: github, client_id: a }, { id: google } ]");
        ConfigOverlay.set("providers.0.client_id", "b").applyTo(root);
        ConfigOverlay.set("providers.1", "{id: gitlab}").applyTo(root);
        assertEquals("b", root.at("/providers/0/client_id").asText());
        assertEquals("github", root.at("/providers/0/id").asText());
        assertEquals("gitlab", root.at("/providers/1/id").asText());

        IllegalArgumentException outOfRange = assertThrows(IllegalArgumentException.class,
                () -> ConfigOverlay.set("providers.5.id", "x").applyTo(root));
        assertTrue(outOfRange.getMessage().contains("has 2 elements"), outOfRange.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ConfigOverlay.set("providers.first.id", "x").applyTo(root));
    }

    @Test
    void unsetRemovesAKey() throws Exception {
        ObjectNode root = config("selfservice: { flows: { registration: { style: unified, ui_url: u } } }");
        ConfigOverlay.unset("selfservice.flows.registration.style").applyTo(root);
        assertFalse(root.at("/selfservice/flows/registration").has("style"));
        assertTrue(root.at("/selfservice/flows/registration").has("ui_url"));
    }

    @Test
    void laterOverlaysWin() throws Exception {
        ObjectNode root = config("a: { b: 1 }");
        for (ConfigOverlay overlay : List.of(ConfigOverlay.set("a.b", 2), ConfigOverlay.set("a.b", 3))) {
            overlay.applyTo(root);
        }
        assertEquals(3, root.at("/a/b").asInt());
    }

    @Test
    void aScalarOnThePathIsReplacedByAnObject() throws Exception {
        ObjectNode root = config("a: plain");
        ConfigOverlay.set("a.b", 1).applyTo(root);
        assertEquals(1, root.at("/a/b").asInt());
    }

    @Test
    void rejectsMalformedKeysAndNullValues() {
        for (String key : List.of("", " ", "a..b", ".a", "a.")) {
            assertThrows(IllegalArgumentException.class, () -> ConfigOverlay.set(key, "x"), key);
        }
        assertThrows(NullPointerException.class, () -> ConfigOverlay.set("a", null));
        assertThrows(IllegalArgumentException.class, () -> ConfigOverlay.set("a", "{unclosed"));
    }

    @Test
    void overlaysAreImmutableCopies() throws Exception {
        ObjectNode value = config("hook: session");
        ConfigOverlay overlay = ConfigOverlay.set("x", value);
        value.put("hook", "changed");
        ObjectNode root = config("y: 1");
        overlay.applyTo(root);
        assertEquals("session", root.at("/x/hook").asText());
        ((ObjectNode) root.get("x")).put("hook", "changed again");
        ObjectNode other = config("y: 1");
        overlay.applyTo(other);
        assertEquals("session", other.at("/x/hook").asText());
    }

    @Test
    void appendAddsToAListOrCreatesIt() throws Exception {
        ObjectNode root = config("providers: [{id: github}]");
        ConfigOverlay.append("providers", "{id: test}").applyTo(root);
        ConfigOverlay.append("urls", "http://127.0.0.1:1/callback").applyTo(root);

        assertEquals("github", root.at("/providers/0/id").asText());
        assertEquals("test", root.at("/providers/1/id").asText());
        assertEquals("http://127.0.0.1:1/callback", root.at("/urls/0").asText());
        assertThrows(IllegalArgumentException.class, () -> ConfigOverlay.append("providers.0", "x").applyTo(root));
        assertTrue(ConfigOverlay.append("a", 1).fingerprint().contains("+="));
    }

    @Test
    void sinceLimitsAnOverlayToNewerKratosVersions() {
        ConfigOverlay overlay = ConfigOverlay.set("a", 1).since(KratosVersion.parse("v25.4.0"));

        assertTrue(overlay.appliesTo(KratosVersion.parse("v26.2.0")));
        assertTrue(overlay.appliesTo(KratosVersion.parse("v25.4.0")));
        assertFalse(overlay.appliesTo(KratosVersion.parse("v1.3.1")));
        assertTrue(ConfigOverlay.set("a", 1).appliesTo(KratosVersion.parse("v1.3.1")));
        assertTrue(overlay.fingerprint().contains("since v25.4.0"));
    }
}
