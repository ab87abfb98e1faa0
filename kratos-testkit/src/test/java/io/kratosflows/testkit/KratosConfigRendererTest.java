package io.kratosflows.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class KratosConfigRendererTest {

    private static final KratosVersion V26 = KratosVersion.parse("v26.2.0");
    private static final KratosVersion V1_3 = KratosVersion.parse("v1.3.1");
    private static final KratosConfigRenderer.Ports PORTS =
            new KratosConfigRenderer.Ports(41001, 41002, 41003);
    private static final URI SCHEMA = URI.create("file:///tmp/instance/identity.schema.json");

    private static ObjectNode render(KratosVersion version, RegistrationStyle style,
            ConfigOverlay... overlays) {
        return KratosConfigRenderer.render(version, PORTS, SCHEMA, style, List.of(overlays));
    }

    @Test
    void fillsPortsSchemaAndSmtp() {
        ObjectNode config = render(V26, RegistrationStyle.UNIFIED);
        assertEquals("memory", config.path("dsn").asText());
        assertEquals("http://127.0.0.1:41001/", config.at("/serve/public/base_url").asText());
        assertEquals(41001, config.at("/serve/public/port").asInt());
        assertEquals("127.0.0.1", config.at("/serve/public/host").asText());
        assertEquals("http://127.0.0.1:41002/", config.at("/serve/admin/base_url").asText());
        assertEquals(41002, config.at("/serve/admin/port").asInt());
        assertEquals(SCHEMA.toString(), config.at("/identity/schemas/0/url").asText());
        assertEquals("smtp://test:test@127.0.0.1:41003/?disable_starttls=true",
                config.at("/courier/smtp/connection_uri").asText());
        assertEquals("v26.2.0", config.path("version").asText());
    }

    @Test
    void defaultProfileHasTheAgreedSettings() {
        JsonNode c = render(V26, RegistrationStyle.UNIFIED);
        assertEquals("1KB", c.at("/hashers/argon2/memory").asText());
        assertEquals(1, c.at("/hashers/argon2/iterations").asInt());
        assertEquals(1, c.at("/hashers/argon2/parallelism").asInt());
        assertTrue(c.at("/feature_flags/use_continue_with_transitions").asBoolean());
        assertFalse(c.at("/selfservice/methods/password/config/haveibeenpwned_enabled").asBoolean());
        assertTrue(c.at("/selfservice/methods/code/passwordless_enabled").asBoolean());
        assertEquals("kratos-flows", c.at("/selfservice/methods/totp/config/issuer").asText());
        assertTrue(c.at("/selfservice/methods/lookup_secret/enabled").asBoolean());
        assertEquals("localhost", c.at("/selfservice/methods/passkey/config/rp/id").asText());
        assertEquals("http://localhost:4455",
                c.at("/selfservice/methods/passkey/config/rp/origins/0").asText());
        assertEquals("github", c.at("/selfservice/methods/oidc/config/providers/0/provider").asText());
        assertTrue(c.at("/selfservice/methods/oidc/config/providers/0/mapper_url").asText()
                .startsWith("base64://"));
        assertEquals("show_verification_ui",
                c.at("/selfservice/flows/registration/after/password/hooks/0/hook").asText());
        assertEquals("session",
                c.at("/selfservice/flows/registration/after/password/hooks/1/hook").asText());
        assertEquals("session",
                c.at("/selfservice/flows/registration/after/code/hooks/0/hook").asText());
        assertEquals("code", c.at("/selfservice/flows/recovery/use").asText());
        assertEquals("code", c.at("/selfservice/flows/verification/use").asText());
        assertEquals("15m", c.at("/selfservice/flows/settings/privileged_session_max_age").asText());
        assertEquals("aal1", c.at("/selfservice/flows/settings/required_aal").asText());
        assertEquals("aal1", c.at("/session/whoami/required_aal").asText());
    }

    @Test
    void writesTheRegistrationStyleForCurrentKratos() {
        assertEquals("unified", render(V26, RegistrationStyle.UNIFIED)
                .at("/selfservice/flows/registration/style").asText());
        JsonNode twoStep = render(V26, RegistrationStyle.PROFILE_FIRST)
                .at("/selfservice/flows/registration");
        assertEquals("profile_first", twoStep.path("style").asText());
        assertFalse(twoStep.has("enable_legacy_one_step"));
    }

    @Test
    void legacyLineGetsEnableLegacyOneStepInsteadOfStyle() {
        JsonNode oneStep = render(V1_3, RegistrationStyle.UNIFIED).at("/selfservice/flows/registration");
        assertFalse(oneStep.has("style"));
        assertTrue(oneStep.path("enable_legacy_one_step").asBoolean());

        JsonNode twoStep = render(V1_3, RegistrationStyle.PROFILE_FIRST)
                .at("/selfservice/flows/registration");
        assertFalse(twoStep.has("style"));
        assertFalse(twoStep.path("enable_legacy_one_step").asBoolean());
        assertEquals("v1.3.1", render(V1_3, RegistrationStyle.UNIFIED).path("version").asText());
    }

    @Test
    void overlaysComeLastAndInOrder() {
        JsonNode c = render(V26, RegistrationStyle.PROFILE_FIRST,
                ConfigOverlay.set("selfservice.flows.login.lifespan", "3s"),
                ConfigOverlay.set("selfservice.flows.registration.after.password.hooks", List.of()),
                ConfigOverlay.unset("selfservice.flows.registration.style"));
        assertEquals("3s", c.at("/selfservice/flows/login/lifespan").asText());
        assertEquals("http://127.0.0.1:4455/login", c.at("/selfservice/flows/login/ui_url").asText());
        assertEquals(0, c.at("/selfservice/flows/registration/after/password/hooks").size());
        assertFalse(c.at("/selfservice/flows/registration").has("style"), "unset after the style");
    }

    @Test
    void yamlRoundTrips() throws Exception {
        ObjectNode config = render(V26, RegistrationStyle.UNIFIED,
                ConfigOverlay.set("selfservice.flows.login.lifespan", "3s"));
        String yaml = KratosConfigRenderer.toYaml(config);
        assertFalse(yaml.startsWith("---"));
        assertEquals(config, new YAMLMapper().readTree(yaml));
    }

    @Test
    void portsMustDiffer() {
        assertThrows(IllegalArgumentException.class, () -> new KratosConfigRenderer.Ports(1, 1, 2));
    }
}
