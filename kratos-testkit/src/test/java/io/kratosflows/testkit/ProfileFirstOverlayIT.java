package io.kratosflows.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A configuration with a registration style and overlays runs as its own Kratos, and the live
 * server behaves as the overlays say.
 */
class ProfileFirstOverlayIT {

    @RegisterExtension
    static final KratosServer variant = KratosServer.builder()
            .name("profile-first")
            .registrationStyle(RegistrationStyle.PROFILE_FIRST)
            .set("selfservice.flows.login.lifespan", "3s")
            .set("selfservice.flows.registration.after.password.hooks", List.of())
            .build();

    @RegisterExtension
    static final KratosServer defaults = KratosServer.defaults();

    @Test
    void runsAsASeparateInstance() throws Exception {
        assertNotEquals(variant.publicUrl(), defaults.publicUrl());
        String folder = variant.logFile().orElseThrow().getParent().getFileName().toString();
        assertTrue(folder.startsWith("profile-first-"), folder);
        String yaml = Files.readString(variant.logFile().orElseThrow().resolveSibling("config").resolve("kratos.yml"));
        if (variant.version().isLegacyLine()) {
            // v1.x has no registration.style key; two-step registration is this flag off.
            assertTrue(yaml.contains("enable_legacy_one_step: false"), yaml);
            assertFalse(yaml.contains("style:"), yaml);
        } else {
            assertTrue(yaml.contains("style: \"profile_first\""), yaml);
            assertFalse(yaml.contains("enable_legacy_one_step"), yaml);
        }
        assertTrue(yaml.contains("lifespan: \"3s\""), yaml);
    }

    @Test
    void loginFlowsLiveThreeSeconds() {
        JsonNode flow = new NativeFlows(variant.publicUrl()).start("login");
        Duration lifespan = Duration.between(Instant.parse(flow.path("issued_at").asText()),
                Instant.parse(flow.path("expires_at").asText()));
        assertEquals(Duration.ofSeconds(3), lifespan);
    }

    @Test
    void registrationStartsWithTheProfileStep() {
        JsonNode flow = new NativeFlows(variant.publicUrl()).start("registration");
        assertFalse(hasNode(flow, "password"), "no password field before the profile step");
        assertTrue(hasNode(flow, "traits.email"));

        JsonNode unified = new NativeFlows(defaults.publicUrl()).start("registration");
        assertTrue(hasNode(unified, "password"), "unified registration asks for it at once");
    }

    @Test
    void withoutPasswordHooksRegistrationIssuesNoSession() {
        NativeFlows flows = new NativeFlows(variant.publicUrl());
        String body = "{\"method\":\"password\",\"password\":\"a-long-test-password-1\","
                + "\"traits\":{\"email\":\"pf-" + UUID.randomUUID() + "@example.com\"}}";
        NativeFlows.Answer answer = flows.submit(flows.start("registration"), body);
        assertEquals(200, answer.status(), answer.toString());
        assertTrue(answer.body().has("identity"));
        assertFalse(answer.body().has("session_token"), answer.toString());

        NativeFlows defaultFlows = new NativeFlows(defaults.publicUrl());
        NativeFlows.Answer withSession = defaultFlows.submit(defaultFlows.start("registration"), body);
        assertEquals(200, withSession.status(), withSession.toString());
        assertTrue(withSession.body().path("session_token").asText().startsWith("ory_st_"));
    }

    private static boolean hasNode(JsonNode flow, String name) {
        for (JsonNode node : flow.path("ui").path("nodes")) {
            if (name.equals(node.path("attributes").path("name").asText())) {
                return true;
            }
        }
        return false;
    }
}
