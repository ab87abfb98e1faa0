package io.kratosflows.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison finds each kind of drift and names it by JSON pointer (no official spec needed). */
class SpecComparisonTest {

    private static OpenAPI own() {
        return Specs.parseOrFail(Specs.ownSpecPath());
    }

    @Test
    void identicalSpecsHaveNoMismatch() {
        assertEquals(List.of(), SpecComparison.compare(own(), own()));
    }

    @Test
    void reportsAChangedEnumValueByPointer() {
        OpenAPI changed = own();
        @SuppressWarnings("unchecked")
        Schema<String> type = (Schema<String>) changed.getComponents().getSchemas().get("uiNode").getProperties().get("type");
        List<String> values = new ArrayList<>(type.getEnum());
        values.remove("div");
        type.setEnum(values);

        List<String> mismatches = SpecComparison.compare(changed, own());

        assertEquals(1, mismatches.size(), mismatches::toString);
        assertTrue(mismatches.get(0).startsWith("/components/schemas/uiNode/properties/type/enum: "), mismatches::toString);
    }

    @Test
    void reportsAMissingRequiredFlagAndAnUnknownProperty() {
        OpenAPI changed = own();
        Schema<?> flow = changed.getComponents().getSchemas().get("loginFlow");
        flow.setRequired(new ArrayList<>(flow.getRequired().subList(1, flow.getRequired().size())));
        flow.addProperty("invented", new Schema<>().type("string"));

        List<String> mismatches = SpecComparison.compare(changed, own());

        assertTrue(mismatches.stream().anyMatch(m -> m.startsWith("/components/schemas/loginFlow/required: ")), mismatches::toString);
        assertTrue(mismatches.stream().anyMatch(m -> m.startsWith("/components/schemas/loginFlow/properties (names): ")), mismatches::toString);
    }

    @Test
    void reportsReorderedParametersAndChangedDiscriminatorMapping() {
        OpenAPI changed = own();
        List<Parameter> params = changed.getPaths().get("/self-service/login/api").getGet().getParameters();
        params.add(0, params.remove(1));
        changed.getComponents().getSchemas().get("continueWith").getDiscriminator().getMapping()
                .put("show_settings_ui", "#/components/schemas/continueWithRecoveryUi");

        List<String> mismatches = SpecComparison.compare(changed, own());

        assertTrue(mismatches.stream().anyMatch(m -> m.startsWith("/paths/~1self-service~1login~1api/get/parameters (names in order): ")), mismatches::toString);
        assertTrue(mismatches.stream().anyMatch(m -> m.startsWith("/components/schemas/continueWith/discriminator/mapping: ")), mismatches::toString);
    }

    @Test
    void reportsAPathTheOfficialSpecLacks() {
        OpenAPI changed = own();
        changed.getPaths().put("/self-service/invented", changed.getPaths().get("/sessions/whoami"));

        List<String> mismatches = SpecComparison.compare(changed, own());

        assertEquals(List.of("/paths/~1self-service~1invented: path does not exist in the official spec"), mismatches);
    }
}
