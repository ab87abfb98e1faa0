package io.kratosflows.specdiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.swagger.v3.oas.models.OpenAPI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The known defects of official specs are repaired, and listed; nothing else is touched. */
class KnownDefectsTest {

    @Test
    void aSecurityRequirementNamingAnUndefinedSchemeIsRemovedAndListed() {
        KratosSpec.Parsed parsed = TestSpecs.resource("undefined-security.yaml").parse();
        OpenAPI api = parsed.api();

        assertNull(api.getPaths().get("/self-service/settings").getPost().getSecurity());
        assertEquals(List.of(Map.of("oryAccessToken", List.of())), api.getPaths().get("/admin/identities").getGet().getSecurity());
        assertEquals(List.of("removed the security requirement `sessionToken` of updateSettingsFlow (POST /self-service/settings):"
                + " no such security scheme is defined"), parsed.repairs());
    }

    @Test
    void theRepairedSpecCanBeComparedAndTheReportSaysWhatWasRepaired() {
        KratosSpec spec = TestSpecs.resource("undefined-security.yaml");
        // unrepaired, openapi-diff fails: "Impossible to find security scheme: sessionToken"
        UpgradeReport report = SpecDiff.compare(spec, spec, TestSpecs.resource("described.yaml"));

        assertEquals(List.of(), report.changes());
        assertEquals(2, report.repairs().size());
        assertEquals("undefined-security.yaml: removed the security requirement `sessionToken` of updateSettingsFlow"
                + " (POST /self-service/settings): no such security scheme is defined", report.repairs().get(0));
    }

    @Test
    void aSpecWithoutTheDefectsIsLeftAlone() {
        assertEquals(List.of(), KratosSpec.kratosFlows().parse().repairs());
        assertEquals(List.of(), TestSpecs.resource("old.yaml").parse().repairs());
    }
}
