package io.kratosflows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.kratosflows.ContinueWith;
import io.kratosflows.FlowId;
import io.kratosflows.SessionToken;
import java.util.List;
import java.util.Optional;

/** Reads {@code continue_with} arrays; unknown or incomplete items become {@link ContinueWith.Unknown}. */
public final class ContinueWithReader {

    private ContinueWithReader() {
    }

    /** {@return the items of a {@code continue_with} array (absent or null gives an empty list)} */
    public static List<ContinueWith> read(JsonNode array) {
        if (array == null || !array.isArray()) {
            return List.of();
        }
        List<ContinueWith> items = new java.util.ArrayList<>();
        array.forEach(item -> items.add(item(item)));
        return List.copyOf(items);
    }

    static ContinueWith item(JsonNode item) {
        String action = Json.text(item, "action", "");
        JsonNode flow = item.path("flow");
        Optional<FlowId> flowId = Json.text(flow, "id").filter(s -> !s.isBlank()).map(FlowId::of);
        return switch (action) {
            case "show_verification_ui" -> flowId.<ContinueWith>map(id -> new ContinueWith.ShowVerificationUi(id,
                    Json.text(flow, "verifiable_address"), Json.text(flow, "url"))).orElseGet(() -> unknown(action, item));
            case "set_ory_session_token" -> Json.text(item, "ory_session_token").filter(s -> !s.isBlank())
                    .<ContinueWith>map(t -> new ContinueWith.SetSessionToken(SessionToken.of(t))).orElseGet(() -> unknown(action, item));
            case "show_settings_ui" -> flowId.<ContinueWith>map(id -> new ContinueWith.ShowSettingsUi(id, Json.text(flow, "url")))
                    .orElseGet(() -> unknown(action, item));
            case "show_recovery_ui" -> flowId.<ContinueWith>map(id -> new ContinueWith.ShowRecoveryUi(id, Json.text(flow, "url")))
                    .orElseGet(() -> unknown(action, item));
            case "redirect_browser_to" -> Json.text(item, "redirect_browser_to")
                    .<ContinueWith>map(ContinueWith.RedirectBrowserTo::new).orElseGet(() -> unknown(action, item));
            default -> unknown(action, item);
        };
    }

    private static ContinueWith unknown(String action, JsonNode item) {
        return new ContinueWith.Unknown(action, item.toString());
    }

    /** {@return the session token of a {@code set_ory_session_token} item, when present} */
    public static Optional<SessionToken> sessionToken(List<ContinueWith> items) {
        return items.stream().filter(ContinueWith.SetSessionToken.class::isInstance)
                .map(c -> ((ContinueWith.SetSessionToken) c).token()).findFirst();
    }
}
