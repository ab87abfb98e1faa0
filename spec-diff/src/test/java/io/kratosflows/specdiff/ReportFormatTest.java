package io.kratosflows.specdiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Markdown and JSON forms: complete, sorted and the same on every run. */
class ReportFormatTest {

    private static UpgradeReport report() {
        return SpecDiff.compare(TestSpecs.resource("old.yaml"), TestSpecs.resource("new.yaml"),
                TestSpecs.resource("described.yaml"));
    }

    @Test
    void theSameSpecsGiveTheSameReportByteForByte() {
        UpgradeReport first = report();
        UpgradeReport second = report();
        assertEquals(first.toMarkdown(), second.toMarkdown());
        assertEquals(first.toJson(), second.toJson());
        assertEquals(first, second);
    }

    @Test
    void markdownStartsWithTheCountsThenListsWhatBreaksThenEverySection() {
        String md = report().toMarkdown();
        assertTrue(md.startsWith("# Kratos API changes: `old.yaml` → `new.yaml`\n"), md);
        assertTrue(md.contains("**7 changes break kratos-flows.**"), md);
        assertTrue(md.contains("| breaks kratos-flows | 7 |\n| needs attention | 7 |\n| additive | 7 |\n"
                + "| does not affect kratos-flows | 4 |\n"), md);
        assertTrue(md.contains("## Breaks kratos-flows\n\n- **updateLoginFlow (POST /self-service/login)** `/responses/410`: "
                + "response `410` removed\n"), md);
        assertTrue(md.contains("### createNativeLoginFlow (GET /self-service/login/api) — used by kratos-flows\n"), md);
        assertTrue(md.contains("| additive | `/parameters/query/organization` | new optional query parameter `organization` |"), md);
        assertTrue(md.contains("### listCourierMessages (GET /admin/courier/messages)\n"), md); // not used: no mark
        assertTrue(md.indexOf("## Operations") < md.indexOf("## Schemas"), md);
        assertTrue(md.endsWith("|\n") && !md.endsWith("\n\n"), "one final newline");
    }

    @Test
    void sectionsAreSortedOperationsByPathThenSchemasByName() {
        List<String> titles = new ArrayList<>();
        report().toMarkdown().lines().filter(l -> l.startsWith("### ")).forEach(titles::add);
        assertEquals(List.of(
                "### listCourierMessages (GET /admin/courier/messages)",
                "### createFedcmFlow (GET /self-service/fed-cm/parameters)",
                "### updateLoginFlow (POST /self-service/login) — used by kratos-flows",
                "### createNativeLoginFlow (GET /self-service/login/api) — used by kratos-flows",
                "### authenticatorAssuranceLevel — used by kratos-flows",
                "### continueWith — used by kratos-flows",
                "### continueWithPinEntryUi",
                "### errorGeneric — used by kratos-flows",
                "### loginFlow — used by kratos-flows",
                "### loginFlowState",
                "### message",
                "### session — used by kratos-flows",
                "### uiNode — used by kratos-flows",
                "### updateLoginFlowWithPasskeyMethod",
                "### updateLoginFlowWithPasswordMethod — used by kratos-flows"), titles);
    }

    @Test
    void jsonHasTheDocumentedStructure() throws Exception {
        UpgradeReport report = report();
        JsonNode json = new ObjectMapper().readTree(report.toJson());
        assertEquals("kratos-flows-spec-diff/1", json.path("format").asText());
        assertEquals("old.yaml", json.path("old").asText());
        assertEquals("new.yaml", json.path("new").asText());
        assertEquals("described.yaml", json.path("described_by").asText());
        assertTrue(json.path("breaks_kratos_flows").asBoolean());
        assertEquals(List.of("breaks", "needs_attention", "additive", "unaffected"), fieldNames(json.path("counts")));
        assertEquals(7, json.path("counts").path("breaks").asInt());
        assertEquals(report.changes().size(), json.path("changes").size());

        JsonNode first = json.path("changes").get(0);
        assertEquals(List.of("subject", "element", "kind", "classification", "detail"), fieldNames(first));
        assertEquals("operation", first.path("subject").path("type").asText());
        assertEquals("GET", first.path("subject").path("method").asText());
        assertEquals("/admin/courier/messages", first.path("subject").path("path").asText());
        assertEquals("listCourierMessages", first.path("subject").path("operation_id").asText());
        assertTrue(first.path("subject").has("used_by_kratos_flows"));
        assertEquals("operation_removed", first.path("kind").asText());
        assertEquals("unaffected", first.path("classification").asText());

        JsonNode schema = json.path("changes").get(json.path("changes").size() - 1);
        assertEquals("schema", schema.path("subject").path("type").asText());
        assertEquals("updateLoginFlowWithPasswordMethod", schema.path("subject").path("name").asText());
        assertEquals("/properties/transient_payload", schema.path("element").asText());
        assertTrue(json.path("repairs").isArray());
        assertTrue(report.toJson().endsWith("}\n") && !report.toJson().contains("\r"));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
