package io.kratosflows.specdiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openapitools.openapidiff.core.compare.OpenApiDiff;
import org.openapitools.openapidiff.core.compare.OpenApiDiffOptions;

/**
 * The report on the official Kratos specs names what really changed between releases (checked
 * against the specs themselves). Needs {@code KRATOS_OFFICIAL_SPEC_DIR}; skipped with one line when unset.
 */
class OfficialSpecsTest {

    private static List<Change> at(UpgradeReport report, String subject, ChangeKind kind) {
        return report.changes().stream().filter(c -> c.subject().title().startsWith(subject + " ")
                || c.subject().title().equals(subject)).filter(c -> c.kind() == kind).toList();
    }

    private static Set<String> elements(List<Change> changes) {
        return changes.stream().map(Change::element).collect(Collectors.toSet());
    }

    @Test
    void fromV131ToV2620() {
        UpgradeReport report = SpecDiff.compare(TestSpecs.official("v1.3.1"), TestSpecs.official("v26.2.0"));

        // createNativeLoginFlow gained organization and identity_schema; via was there already in v1.3.1
        List<Change> loginParameters = at(report, "createNativeLoginFlow", ChangeKind.PARAMETER_ADDED);
        assertEquals(Set.of("/parameters/query/organization", "/parameters/query/identity_schema"), elements(loginParameters));
        loginParameters.forEach(c -> assertEquals(Classification.ADDITIVE, c.classification(), c::toString));

        // the div node: a node type, a node-attributes variant and its schema
        assertEquals(Classification.NEEDS_ATTENTION, one(at(report, "uiNode", ChangeKind.ENUM_VALUE_ADDED),
                "/properties/type/enum/div").classification());
        assertEquals(Classification.NEEDS_ATTENTION, one(at(report, "uiNodeAttributes", ChangeKind.VARIANT_ADDED),
                "/oneOf/div").classification());
        assertEquals(1, at(report, "uiNodeDivisionAttributes", ChangeKind.SCHEMA_ADDED).size());

        // new node groups: captcha and saml (passkey and profile were in v1.3.1 already)
        assertEquals(Set.of("/properties/type/enum/div", "/properties/group/enum/captcha", "/properties/group/enum/saml"),
                elements(at(report, "uiNode", ChangeKind.ENUM_VALUE_ADDED)));

        // saml became a method of the login, registration and settings bodies
        for (String operation : List.of("updateLoginFlow", "updateRegistrationFlow", "updateSettingsFlow")) {
            assertEquals(Classification.NEEDS_ATTENTION, one(at(report, operation, ChangeKind.BODY_METHOD_ADDED),
                    "/requestBody/methods/saml").classification(), operation);
        }

        // continue_with offers the same five actions in both: only the declared type of the oneOf changed
        List<Change> continueWith = report.changes().stream().filter(c -> c.subject().title().equals("continueWith")).toList();
        assertEquals(List.of("/type " + ChangeKind.TYPE_CHANGED + " " + Classification.UNAFFECTED),
                continueWith.stream().map(c -> c.element() + " " + c.kind() + " " + c.classification()).toList());

        // v1.3.1's node_type enums listed every type; v25 narrowed each to its own: not a break, kratos-flows never had them
        Change narrowed = one(at(report, "uiNodeInputAttributes", ChangeKind.ENUM_VALUE_REMOVED), "/properties/node_type/enum/text");
        assertEquals(Classification.UNAFFECTED, narrowed.classification());

        // nothing breaks kratos-flows, as its live suites passing on v1.3.1 and v26.2.0 say
        assertFalse(report.breaksKratosFlows(), () -> SpecDiffTest.lines(report));
        assertEquals(List.of(
                "kratos-v1.3.1.json: removed the security requirement `sessionToken` of updateSettingsFlow"
                        + " (POST /self-service/settings): no such security scheme is defined",
                "kratos-v26.2.0.json: removed the security requirement `sessionToken` of updateSettingsFlow"
                        + " (POST /self-service/settings): no such security scheme is defined"), report.repairs());
    }

    @Test
    void fromV2540ToV2620OnlyPartsKratosFlowsDoesNotUseChanged() {
        UpgradeReport report = SpecDiff.compare(TestSpecs.official("v25.4.0"), TestSpecs.official("v26.2.0"));
        // The three session and identity lists kratos-flows pages through lost page_token's default and
        // minimum (numbers on a string parameter that kratos-flows never leaves to its default): looked at, harmless.
        List<Change> looked = report.changes().stream().filter(c -> c.classification() == Classification.NEEDS_ATTENTION).toList();

        assertEquals(Set.of("listIdentities", "listIdentitySessions", "listMySessions"),
                looked.stream().map(c -> c.subject().title().split(" ")[0]).collect(Collectors.toSet()), () -> SpecDiffTest.lines(report));
        assertEquals(Set.of("/parameters/query/page_token/default", "/parameters/query/page_token/minimum"), elements(looked));
        assertEquals(report.changes().size() - looked.size(), report.count(Classification.UNAFFECTED), () -> SpecDiffTest.lines(report));
        assertEquals(1, at(report, "RecoveryAddressType", ChangeKind.SCHEMA_REMOVED).size());
        assertEquals(Set.of("/properties/page_token/default", "/properties/page_token/minimum"),
                elements(at(report, "tokenPagination", ChangeKind.CONSTRAINT_CHANGED)));
    }

    @Test
    void kratosFlowsDescriptionIsAStrictSubsetOfTheOfficialV2620Spec() {
        // ours → official: only additions; official → ours: only removals of what ours does not have
        UpgradeReport up = SpecDiff.compare(KratosSpec.kratosFlows(), TestSpecs.official("v26.2.0"));
        UpgradeReport down = SpecDiff.compare(TestSpecs.official("v26.2.0"), KratosSpec.kratosFlows());

        assertFalse(up.changes().isEmpty());
        assertEquals(up.changes().size(), up.count(Classification.ADDITIVE), () -> SpecDiffTest.lines(up));
        assertEquals(down.changes().size(), down.count(Classification.UNAFFECTED), () -> SpecDiffTest.lines(down));
    }

    @Test
    void withoutTheRepairOpenApiDiffCannotReadTheOfficialSpec() {
        // why KnownDefects exists: the undefined sessionToken scheme makes openapi-diff fail
        String text = TestSpecs.official("v26.2.0").text();
        OpenAPI left = new OpenAPIV3Parser().readContents(text).getOpenAPI();
        OpenAPI right = new OpenAPIV3Parser().readContents(text).getOpenAPI();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OpenApiDiff.compare(left, right, OpenApiDiffOptions.builder().build()));
        assertEquals("Impossible to find security scheme: sessionToken", e.getMessage());
    }

    private static Change one(List<Change> changes, String element) {
        List<Change> found = changes.stream().filter(c -> c.element().equals(element)).toList();
        assertEquals(1, found.size(), () -> element + " in " + changes);
        assertTrue(found.get(0).detail().length() > 0);
        return found.get(0);
    }
}
