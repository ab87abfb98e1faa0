package io.kratosflows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.kratosflows.Aal;
import io.kratosflows.FlowId;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.login.LoginFlow;
import io.kratosflows.recovery.RecoveryFlow;
import io.kratosflows.registration.RegistrationFlow;
import io.kratosflows.settings.SettingsFlow;
import io.kratosflows.verification.VerificationFlow;
import java.util.Optional;

/** Reads flow bodies into the public flow records. */
final class FlowReader {

    private FlowReader() {
    }

    /** {@return a login flow; the body must be a flow ({@link KratosResponse#isFlow})} */
    static LoginFlow login(JsonNode f, Optional<SessionToken> token) {
        return new LoginFlow(id(f), Json.text(f, "type", "api"), Json.text(f, "state"),
                Json.bool(f, "refresh"), Aal.fromWire(Json.text(f, "requested_aal", "aal1")),
                Json.instant(f, "expires_at"), Json.instant(f, "issued_at"), UiReader.read(f.path("ui")),
                Json.text(f, "return_to"), exchangeCode(f), token, requestUrl(f), active(f));
    }

    /** {@return a registration flow; the body must be a flow} */
    static RegistrationFlow registration(JsonNode f) {
        return new RegistrationFlow(id(f), Json.text(f, "type", "api"), Json.text(f, "state"),
                Json.instant(f, "expires_at"), Json.instant(f, "issued_at"), UiReader.read(f.path("ui")),
                Json.text(f, "return_to"), exchangeCode(f), requestUrl(f), active(f));
    }

    /** {@return a settings flow, run under the given token; the body must be a flow} */
    static SettingsFlow settings(JsonNode f, SessionToken token) {
        return new SettingsFlow(id(f), Json.text(f, "type", "api"), Json.text(f, "state"),
                Json.instant(f, "expires_at"), Json.instant(f, "issued_at"), UiReader.read(f.path("ui")),
                SessionReader.identity(f.path("identity")), ContinueWithReader.read(f.path("continue_with")), token,
                requestUrl(f), active(f));
    }

    /** {@return a recovery flow; the body must be a flow} */
    static RecoveryFlow recovery(JsonNode f) {
        return new RecoveryFlow(id(f), Json.text(f, "type", "api"), Json.text(f, "state"),
                Json.instant(f, "expires_at"), Json.instant(f, "issued_at"), UiReader.read(f.path("ui")),
                ContinueWithReader.read(f.path("continue_with")), Json.text(f, "return_to"), requestUrl(f), active(f));
    }

    /** {@return a verification flow; the body must be a flow} */
    static VerificationFlow verification(JsonNode f) {
        return new VerificationFlow(id(f), Json.text(f, "type", "api"), Json.text(f, "state"),
                Json.instant(f, "expires_at"), Json.instant(f, "issued_at"), UiReader.read(f.path("ui")),
                Json.text(f, "return_to"), requestUrl(f), active(f));
    }

    private static FlowId id(JsonNode f) {
        return FlowId.of(f.path("id").textValue()); // callers check the shape first (KratosResponse.isFlow)
    }

    private static Optional<String> requestUrl(JsonNode f) {
        return Json.nonBlank(f, "request_url");
    }

    private static Optional<String> active(JsonNode f) {
        return Json.nonBlank(f, "active");
    }

    private static Optional<Secret> exchangeCode(JsonNode f) {
        return Json.nonBlank(f, "session_token_exchange_code").map(Secret::of);
    }
}
