package io.kratosflows.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kratosflows.generated.model.ContinueWith;
import io.kratosflows.generated.model.ContinueWithSetOrySessionToken;
import io.kratosflows.generated.model.ContinueWithSettingsUi;
import io.kratosflows.generated.model.ContinueWithVerificationUi;
import io.kratosflows.generated.model.RecoveryFlow;
import io.kratosflows.generated.model.SuccessfulNativeRegistration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code continue_with} items are picked by {@code action} and survive a round trip. */
class ContinueWithRoundTripTest {

    @Test
    void registrationSuccessCarriesVerificationUiAndSessionToken() {
        ObjectNode json = Fixtures.tree("registration/submit-password-success.200.json");

        SuccessfulNativeRegistration done = Fixtures.read(json, SuccessfulNativeRegistration.class);

        List<ContinueWith> items = done.getContinueWith();
        ContinueWithVerificationUi verification = assertInstanceOf(ContinueWithVerificationUi.class, items.get(0));
        assertEquals(json.at("/continue_with/0/flow/id").asText(), verification.getFlow().getId().toString());
        ContinueWithSetOrySessionToken token = assertInstanceOf(ContinueWithSetOrySessionToken.class, items.get(1));
        assertEquals(json.path("session_token").asText(), token.getOrySessionToken());
        Fixtures.assertSameJson(json.path("continue_with"), Fixtures.write(done).path("continue_with"), "continue_with");
    }

    @Test
    void recoverySuccessCarriesSessionTokenAndSettingsUi() {
        ObjectNode json = Fixtures.tree("recovery/submit-code-success.200.json");

        RecoveryFlow flow = Fixtures.read(json, RecoveryFlow.class);

        assertInstanceOf(ContinueWithSetOrySessionToken.class, flow.getContinueWith().get(0));
        ContinueWithSettingsUi settings = assertInstanceOf(ContinueWithSettingsUi.class, flow.getContinueWith().get(1));
        assertEquals(json.at("/continue_with/1/flow/id").asText(), settings.getFlow().getId().toString());
        Fixtures.assertSameJson(json.path("continue_with"), Fixtures.write(flow).path("continue_with"), "continue_with");
    }

    /**
     * An action that a newer Kratos might add does not break parsing: the item becomes
     * {@code null} in the list and the known items keep their places.
     */
    @Test
    void unknownActionDoesNotThrow() {
        ObjectNode json = Fixtures.tree("recovery/submit-code-success.200.json");
        ((ArrayNode) json.path("continue_with")).insertObject(0).put("action", "show_passkey_ui").put("hint", "x");

        RecoveryFlow flow = Fixtures.read(json, RecoveryFlow.class);

        assertEquals(3, flow.getContinueWith().size());
        assertNull(flow.getContinueWith().get(0));
        assertInstanceOf(ContinueWithSetOrySessionToken.class, flow.getContinueWith().get(1));
        assertInstanceOf(ContinueWithSettingsUi.class, flow.getContinueWith().get(2));
    }
}
