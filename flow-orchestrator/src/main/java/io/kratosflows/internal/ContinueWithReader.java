package io.kratosflows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.kratosflows.ContinueWith;
import io.kratosflows.FlowId;
import io.kratosflows.SessionToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads {@code continue_with} arrays; unknown or incomplete items become {@link ContinueWith.Unknown}. */
final class ContinueWithReader {

    private ContinueWithReader() {
    }

    /** {@return the items of a {@code continue_with} array (absent or null gives an empty list)} */
    static List<ContinueWith> read(JsonNode array) {
        if (array == null || !array.isArray() || array.isEmpty()) {
            return List.of();
        }
        List<ContinueWith> items = new ArrayList<>(array.size());
        array.forEach(item -> items.add(item(item)));
        return List.copyOf(items);
    }

    static ContinueWith item(JsonNode item) {
        String action = Json.text(item, "action", "");
        JsonNode flow = item.path("flow");
        Optional<FlowId> flowId = Json.nonBlank(flow, "id").map(FlowId::of);
        return switch (action) {
            case "show_verification_ui" -> flowId.<ContinueWith>map(id -> new ContinueWith.ShowVerificationUi(id,
                    Json.text(flow, "verifiable_address"), Json.text(flow, "url"))).orElseGet(() -> unknown(action, item));
            case "set_ory_session_token" -> Json.nonBlank(item, "ory_session_token")
                    .<ContinueWith>map(t -> new ContinueWith.SetSessionToken(SessionToken.of(t))).orElseGet(() -> unknown(action, item));
            case "show_settings_ui" -> flowId.<ContinueWith>map(id -> new ContinueWith.ShowSettingsUi(id, Json.text(flow, "url")))
                    .orElseGet(() -> unknown(action, item));
            case "show_recovery_ui" -> flowId.<ContinueWith>map(id -> new ContinueWith.ShowRecoveryUi(id, Json.text(flow, "url")))
                    .orElseGet(() -> unknown(action, item));
            case "redirect_browser_to" -> Json.nonBlank(item, "redirect_browser_to")
                    .<ContinueWith>map(ContinueWith.RedirectBrowserTo::new).orElseGet(() -> unknown(action, item));
            default -> unknown(action, item);
        };
    }

    private static ContinueWith unknown(String action, JsonNode item) {
        return new ContinueWith.Unknown(action, item.toString());
    }

    /** {@return the session token of a {@code set_ory_session_token} item, when present} */
    static Optional<SessionToken> sessionToken(List<ContinueWith> items) {
        for (ContinueWith item : items) {
            if (item instanceof ContinueWith.SetSessionToken set) {
                return Optional.of(set.token());
            }
        }
        return Optional.empty();
    }

    /** {@return the first item of a kind} */
    static <T extends ContinueWith> Optional<T> first(List<ContinueWith> items, Class<T> kind) {
        for (ContinueWith item : items) {
            if (kind.isInstance(item)) {
                return Optional.of(kind.cast(item));
            }
        }
        return Optional.empty();
    }
}
