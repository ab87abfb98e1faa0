package io.kratosflows.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Turns the shipped base configuration ({@code kratos.base.yml}) into the YAML one Kratos instance
 * runs with: fills in ports and the schema location, sets {@code version}, writes the registration
 * style in the form the Kratos version understands, then applies the caller's overlays in order.
 * Pure: no files, no processes, so it is unit-tested.
 */
final class KratosConfigRenderer {

    static final String BASE_RESOURCE = "kratos.base.yml";
    static final String SCHEMA_RESOURCE = "identity.schema.json";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build();

    /** The three loopback ports one instance uses. */
    record Ports(int publicPort, int adminPort, int smtpPort) {
        Ports {
            if (publicPort == adminPort || publicPort == smtpPort || adminPort == smtpPort) {
                throw new IllegalArgumentException("ports must differ: " + publicPort + ", "
                        + adminPort + ", " + smtpPort);
            }
        }
    }

    private KratosConfigRenderer() {
    }

    /** Renders the configuration as a tree (for tests and for {@link #toYaml}). */
    static ObjectNode render(KratosVersion version, Ports ports, URI schemaUrl,
            RegistrationStyle style, List<ConfigOverlay> overlays) {
        Objects.requireNonNull(version, "version");
        String template = readResource(BASE_RESOURCE)
                .replace("${public_port}", Integer.toString(ports.publicPort()))
                .replace("${admin_port}", Integer.toString(ports.adminPort()))
                .replace("${smtp_port}", Integer.toString(ports.smtpPort()))
                .replace("${schema_url}", schemaUrl.toString());
        ObjectNode config;
        try {
            config = (ObjectNode) YAML.readTree(template);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("shipped " + BASE_RESOURCE + " is not valid YAML", e);
        }
        // Kratos compares `version` with its own and only warns; keeping them equal keeps logs quiet.
        config.put("version", version.text());
        applyRegistrationStyle(config, version, style);
        for (ConfigOverlay overlay : overlays) {
            if (overlay.appliesTo(version)) {
                overlay.applyTo(config);
            }
        }
        return config;
    }

    /**
     * v25.4+ has {@code selfservice.flows.registration.style}; the v1.x line (v1.2, v1.3) rejects
     * that key and had {@code enable_legacy_one_step} (true = one step) instead.
     */
    private static void applyRegistrationStyle(ObjectNode config, KratosVersion version,
            RegistrationStyle style) {
        ObjectNode registration = (ObjectNode) config.path("selfservice").path("flows")
                .path("registration");
        if (version.isLegacyLine()) {
            registration.remove("style");
            registration.put("enable_legacy_one_step", style == RegistrationStyle.UNIFIED);
        } else {
            registration.put("style", style.configValue());
        }
    }

    static String toYaml(JsonNode config) {
        try {
            return YAML.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the Kratos config as YAML", e);
        }
    }

    static String readResource(String name) {
        try (InputStream in = KratosConfigRenderer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource missing from the testkit jar: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read testkit resource " + name, e);
        }
    }
}
