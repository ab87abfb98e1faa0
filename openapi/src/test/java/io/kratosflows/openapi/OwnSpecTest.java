package io.kratosflows.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The project's description parses cleanly and covers every operation the library consumes. */
class OwnSpecTest {

    static final Set<String> CONSUMED_OPERATIONS = Set.of(
            "createNativeLoginFlow", "getLoginFlow", "updateLoginFlow",
            "createNativeRegistrationFlow", "getRegistrationFlow", "updateRegistrationFlow",
            "createNativeSettingsFlow", "getSettingsFlow", "updateSettingsFlow",
            "createNativeRecoveryFlow", "getRecoveryFlow", "updateRecoveryFlow",
            "createNativeVerificationFlow", "getVerificationFlow", "updateVerificationFlow",
            "toSession", "performNativeLogout", "exchangeSessionToken", "getFlowError",
            "createIdentity", "getIdentity", "deleteIdentity", "listCourierMessages",
            "listMySessions", "disableMySession", "disableMyOtherSessions",
            "listIdentities", "updateIdentity", "listIdentitySessions", "deleteIdentitySessions",
            "createRecoveryCodeForIdentity", "disableSession");

    @Test
    void parsesWithoutMessages() {
        SwaggerParseResult result = Specs.parse(Specs.ownSpecPath());
        assertNotNull(result.getOpenAPI(), () -> "unparseable: " + result.getMessages());
        assertEquals(java.util.List.of(), result.getMessages());
    }

    @Test
    void describesExactlyTheConsumedOperations() {
        OpenAPI spec = Specs.parseOrFail(Specs.ownSpecPath());
        Set<String> ids = new TreeSet<>();
        spec.getPaths().values().forEach(item -> item.readOperations().stream()
                .map(Operation::getOperationId).forEach(ids::add));
        assertEquals(new TreeSet<>(CONSUMED_OPERATIONS), ids);
    }

    @Test
    void everyOperationAndSchemaIsDescribedInOurOwnWords() {
        OpenAPI spec = Specs.parseOrFail(Specs.ownSpecPath());
        spec.getPaths().values().forEach(item -> item.readOperations().forEach(op ->
                assertTrue(op.getDescription() != null && !op.getDescription().isBlank(),
                        op.getOperationId() + " has no description")));
        for (String name : Set.of("loginFlow", "uiNode", "continueWith", "session", "successfulNativeLogin")) {
            assertNotNull(spec.getComponents().getSchemas().get(name).getDescription(), name);
        }
    }
}
