package io.kratosflows.specdiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The classification on hand-made specs: {@code new.yaml} is {@code old.yaml} with one commented
 * change per rule, judged against {@code described.yaml} (what a client uses of {@code old.yaml}).
 */
class SpecDiffTest {

    private static final UpgradeReport REPORT = SpecDiff.compare(TestSpecs.resource("old.yaml"),
            TestSpecs.resource("new.yaml"), TestSpecs.resource("described.yaml"));

    /** The classification of the one change at this subject (title prefix), element and kind. */
    private static Classification classification(String subject, String element, ChangeKind kind) {
        List<Change> found = REPORT.changes().stream()
                .filter(c -> c.subject().title().startsWith(subject) && c.element().equals(element) && c.kind() == kind)
                .toList();
        assertEquals(1, found.size(), () -> "one " + kind + " at " + subject + " " + element + " in\n" + lines(REPORT));
        return found.get(0).classification();
    }

    @Test
    void aRemovedParameterTheClientSendsBreaks() {
        assertEquals(Classification.BREAKS,
                classification("createNativeLoginFlow", "/parameters/query/refresh", ChangeKind.PARAMETER_REMOVED));
    }

    @Test
    void aParameterThatBecameRequiredBreaks() {
        assertEquals(Classification.BREAKS,
                classification("createNativeLoginFlow", "/parameters/query/aal", ChangeKind.PARAMETER_REQUIRED));
    }

    @Test
    void aNewOptionalQueryParameterIsAdditive() {
        assertEquals(Classification.ADDITIVE,
                classification("createNativeLoginFlow", "/parameters/query/organization", ChangeKind.PARAMETER_ADDED));
    }

    @Test
    void aNewResponseStatusOfAUsedOperationNeedsAttention() {
        assertEquals(Classification.NEEDS_ATTENTION,
                classification("createNativeLoginFlow", "/responses/422", ChangeKind.RESPONSE_ADDED));
    }

    @Test
    void aRemovedResponseStatusTheClientHandlesBreaks() {
        assertEquals(Classification.BREAKS, classification("updateLoginFlow", "/responses/410", ChangeKind.RESPONSE_REMOVED));
    }

    @Test
    void aNewRequestBodyMethodNeedsAttentionOnTheOperationAndItsSchemaIsAdditive() {
        assertEquals(Classification.NEEDS_ATTENTION,
                classification("updateLoginFlow", "/requestBody/methods/passkey", ChangeKind.BODY_METHOD_ADDED));
        assertEquals(Classification.ADDITIVE, classification("updateLoginFlowWithPasskeyMethod", "", ChangeKind.SCHEMA_ADDED));
        // said once, on the operation, not again as a variant of updateLoginFlowBody
        assertTrue(REPORT.changes().stream().noneMatch(c -> c.subject().title().equals("updateLoginFlowBody")), lines(REPORT));
    }

    @Test
    void aNewRequiredPropertyOfASentSchemaBreaks() {
        assertEquals(Classification.BREAKS,
                classification("updateLoginFlowWithPasswordMethod", "/properties/captcha", ChangeKind.PROPERTY_ADDED));
    }

    @Test
    void aNewOptionalPropertyIsAdditive() {
        assertEquals(Classification.ADDITIVE,
                classification("updateLoginFlowWithPasswordMethod", "/properties/transient_payload", ChangeKind.PROPERTY_ADDED));
    }

    @Test
    void aNewRequiredPropertyOfAReadSchemaIsAdditive() {
        assertEquals(Classification.ADDITIVE, classification("loginFlow", "/properties/organization_id", ChangeKind.PROPERTY_ADDED));
    }

    @Test
    void aReadPropertyTheClientRequiresThatIsNoLongerRequiredBreaks() {
        assertEquals(Classification.BREAKS, classification("loginFlow", "/properties/issued_at", ChangeKind.PROPERTY_OPTIONAL));
    }

    @Test
    void aChangedTypeBreaks() {
        assertEquals(Classification.BREAKS, classification("session", "/properties/expires_at/type", ChangeKind.TYPE_CHANGED));
    }

    @Test
    void newNodeTypesAndGroupsNeedAttention() {
        assertEquals(Classification.NEEDS_ATTENTION, classification("uiNode", "/properties/type/enum/div", ChangeKind.ENUM_VALUE_ADDED));
        assertEquals(Classification.NEEDS_ATTENTION,
                classification("uiNode", "/properties/group/enum/passkey", ChangeKind.ENUM_VALUE_ADDED));
    }

    @Test
    void aNewValueOfAnEnumNobodySwitchesOnIsAdditive() {
        assertEquals(Classification.ADDITIVE, classification("loginFlow", "/properties/active/enum/saml", ChangeKind.ENUM_VALUE_ADDED));
    }

    @Test
    void newFlowStatesAalsAndContinueWithActionsNeedAttention() {
        assertEquals(Classification.NEEDS_ATTENTION, classification("loginFlowState", "/enum/needs_pin", ChangeKind.ENUM_VALUE_ADDED));
        assertEquals(Classification.NEEDS_ATTENTION,
                classification("authenticatorAssuranceLevel", "/enum/aal4", ChangeKind.ENUM_VALUE_ADDED));
        assertEquals(Classification.NEEDS_ATTENTION,
                classification("continueWith", "/oneOf/show_pin_entry_ui", ChangeKind.VARIANT_ADDED));
    }

    @Test
    void removalsBreakOnlyWhatTheClientDescribes() {
        assertEquals(Classification.BREAKS, classification("uiNode", "/properties/group/enum/code", ChangeKind.ENUM_VALUE_REMOVED));
        assertEquals(Classification.UNAFFECTED,
                classification("uiNode", "/properties/group/enum/webauthn", ChangeKind.ENUM_VALUE_REMOVED));
        assertEquals(Classification.UNAFFECTED, classification("errorGeneric", "/properties/debug", ChangeKind.PROPERTY_REMOVED));
        assertEquals(Classification.UNAFFECTED, classification("message", "", ChangeKind.SCHEMA_REMOVED));
        assertEquals(Classification.UNAFFECTED, classification("listCourierMessages", "", ChangeKind.OPERATION_REMOVED));
    }

    @Test
    void aNewOperationIsAdditive() {
        assertEquals(Classification.ADDITIVE, classification("createFedcmFlow", "", ChangeKind.OPERATION_ADDED));
    }

    @Test
    void everyChangeIsReportedAndNothingElse() {
        List<String> expected = List.of(
                "unaffected listCourierMessages (GET /admin/courier/messages)  operation_removed",
                "additive createFedcmFlow (GET /self-service/fed-cm/parameters)  operation_added",
                "needs_attention updateLoginFlow (POST /self-service/login) /requestBody/methods/passkey body_method_added",
                "breaks updateLoginFlow (POST /self-service/login) /responses/410 response_removed",
                "breaks createNativeLoginFlow (GET /self-service/login/api) /parameters/query/aal parameter_required",
                "additive createNativeLoginFlow (GET /self-service/login/api) /parameters/query/organization parameter_added",
                "breaks createNativeLoginFlow (GET /self-service/login/api) /parameters/query/refresh parameter_removed",
                "needs_attention createNativeLoginFlow (GET /self-service/login/api) /responses/422 response_added",
                "needs_attention authenticatorAssuranceLevel /enum/aal4 enum_value_added",
                "needs_attention continueWith /oneOf/show_pin_entry_ui variant_added",
                "additive continueWithPinEntryUi  schema_added",
                "unaffected errorGeneric /properties/debug property_removed",
                "additive loginFlow /properties/active/enum/saml enum_value_added",
                "breaks loginFlow /properties/issued_at property_optional",
                "additive loginFlow /properties/organization_id property_added",
                "needs_attention loginFlowState /enum/needs_pin enum_value_added",
                "unaffected message  schema_removed",
                "breaks session /properties/expires_at/type type_changed",
                "breaks uiNode /properties/group/enum/code enum_value_removed",
                "needs_attention uiNode /properties/group/enum/passkey enum_value_added",
                "unaffected uiNode /properties/group/enum/webauthn enum_value_removed",
                "needs_attention uiNode /properties/type/enum/div enum_value_added",
                "additive updateLoginFlowWithPasskeyMethod  schema_added",
                "breaks updateLoginFlowWithPasswordMethod /properties/captcha property_added",
                "additive updateLoginFlowWithPasswordMethod /properties/transient_payload property_added");
        assertEquals(expected, REPORT.changes().stream()
                .map(c -> c.classification().id() + " " + c.subject().title() + " " + c.element() + " " + c.kind().id())
                .toList());
        assertTrue(REPORT.breaksKratosFlows());
        assertEquals(List.of(7, 7, 7, 4), REPORT.counts().values().stream().toList());
    }

    @Test
    void subjectsKnowWhetherTheClientUsesThem() {
        Optional<Subject> courier = REPORT.bySubject().keySet().stream()
                .filter(s -> s.title().startsWith("listCourierMessages")).findFirst();
        Optional<Subject> login = REPORT.bySubject().keySet().stream()
                .filter(s -> s.title().startsWith("createNativeLoginFlow")).findFirst();
        assertFalse(courier.orElseThrow().usedByKratosFlows());
        assertTrue(login.orElseThrow().usedByKratosFlows());
    }

    @Test
    void identicalSpecsHaveNoChanges() {
        UpgradeReport same = SpecDiff.compare(TestSpecs.resource("old.yaml"), TestSpecs.resource("old.yaml"),
                TestSpecs.resource("described.yaml"));
        assertEquals(List.of(), same.changes());
        assertFalse(same.breaksKratosFlows());
        assertTrue(same.toMarkdown().contains("No structural changes."), same.toMarkdown());
    }

    @Test
    void aChangeNobodyUsesDoesNotBreak() {
        // old → described drops what the client does not use: nothing it uses is touched
        UpgradeReport report = SpecDiff.compare(TestSpecs.resource("old.yaml"), TestSpecs.resource("described.yaml"),
                TestSpecs.resource("described.yaml"));
        assertFalse(report.breaksKratosFlows(), () -> lines(report));
        assertEquals(report.changes().size(), report.count(Classification.UNAFFECTED), () -> lines(report));
    }

    static String lines(UpgradeReport report) {
        return report.changes().stream()
                .map(c -> c.classification().id() + " " + c.subject().title() + " " + c.element() + " " + c.kind() + ": " + c.detail())
                .collect(Collectors.joining("\n"));
    }
}
