package io.kratosflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.kratosflows.ContinueWith;
import io.kratosflows.FlowId;
import io.kratosflows.SessionToken;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** continue_with items: each known action with what it needs, anything else (or incomplete) kept as Unknown. */
class ContinueWithReaderTest {

    private static ContinueWith item(String json) {
        return ContinueWithReader.item(FakeCalls.tree(json));
    }

    @Test
    void knownActionsWithTheirFields() {
        assertEquals(new ContinueWith.ShowVerificationUi(FlowId.of("v"), Optional.of("ada@example.org"), Optional.of("https://v")),
                item("{\"action\":\"show_verification_ui\",\"flow\":{\"id\":\"v\",\"verifiable_address\":\"ada@example.org\",\"url\":\"https://v\"}}"));
        assertEquals(new ContinueWith.SetSessionToken(SessionToken.of("ory_st_t")),
                item("{\"action\":\"set_ory_session_token\",\"ory_session_token\":\"ory_st_t\"}"));
        assertEquals(new ContinueWith.ShowSettingsUi(FlowId.of("s"), Optional.empty()), item("{\"action\":\"show_settings_ui\",\"flow\":{\"id\":\"s\"}}"));
        assertEquals(new ContinueWith.ShowRecoveryUi(FlowId.of("r"), Optional.of("https://r")),
                item("{\"action\":\"show_recovery_ui\",\"flow\":{\"id\":\"r\",\"url\":\"https://r\"}}"));
        assertEquals(new ContinueWith.RedirectBrowserTo("https://app"), item("{\"action\":\"redirect_browser_to\",\"redirect_browser_to\":\"https://app\"}"));
    }

    @Test
    void incompleteOrNewItemsAreUnknownWithTheirJson() {
        for (String json : List.of("{\"action\":\"show_verification_ui\",\"flow\":{}}", "{\"action\":\"set_ory_session_token\"}",
                "{\"action\":\"show_settings_ui\"}", "{\"action\":\"show_recovery_ui\",\"flow\":{\"id\":\" \"}}",
                "{\"action\":\"redirect_browser_to\"}", "{\"action\":\"show_passkey_ui\",\"x\":1}", "{}")) {
            var unknown = assertInstanceOf(ContinueWith.Unknown.class, item(json), json);
            assertEquals(FakeCalls.tree(json).path("action").asText(""), unknown.action());
            assertEquals(FakeCalls.tree(json).toString(), unknown.rawJson());
        }
    }

    @Test
    void anArrayIsReadItemByItemAndAnythingElseIsEmpty() {
        var items = ContinueWithReader.read(FakeCalls.tree("[{\"action\":\"show_settings_ui\",\"flow\":{\"id\":\"s\"}},"
                + "{\"action\":\"set_ory_session_token\",\"ory_session_token\":\"ory_st_t\"}]"));

        assertEquals(2, items.size());
        assertEquals(Optional.of(SessionToken.of("ory_st_t")), ContinueWithReader.sessionToken(items));
        assertEquals(Optional.of(FlowId.of("s")), ContinueWithReader.first(items, ContinueWith.ShowSettingsUi.class).map(ContinueWith.ShowSettingsUi::flow));
        assertEquals(Optional.empty(), ContinueWithReader.first(items, ContinueWith.ShowRecoveryUi.class));
        assertEquals(Optional.empty(), ContinueWithReader.sessionToken(List.of()));
        assertEquals(List.of(), ContinueWithReader.read(null));
        assertEquals(List.of(), ContinueWithReader.read(FakeCalls.tree("{\"action\":\"x\"}")));
        assertEquals(List.of(), ContinueWithReader.read(FakeCalls.tree("[]")));
    }
}
