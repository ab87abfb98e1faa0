package io.kratosflows.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kratosflows.ContinueWith;
import io.kratosflows.Identity;
import io.kratosflows.session.Session;
import io.kratosflows.ui.Ui;
import io.kratosflows.ui.UiMessage;
import java.util.List;
import java.util.stream.Collectors;

/** Short text and JSON descriptions of sessions, identities, messages and continue_with items. */
final class Describe {

    private Describe() {
    }

    static String identity(Identity identity) {
        return identity.traits().text("email").map(e -> e + " (identity " + identity.id() + ")")
                .orElse("identity " + identity.id());
    }

    static String session(Session session) {
        String who = session.identity().map(Describe::identity).orElse("an identity Kratos withholds until the second factor");
        String methods = session.authenticationMethods().stream().map(Session.AuthenticationMethod::method)
                .distinct().collect(Collectors.joining("+"));
        return who + ", session " + session.id() + ", " + session.aal().wireValue()
                + (methods.isEmpty() ? "" : " via " + methods)
                + session.expiresAt().map(e -> ", expires " + e).orElse("");
    }

    static ObjectNode sessionJson(Session session) {
        ObjectNode json = Output.object();
        json.put("id", session.id());
        json.put("active", session.active());
        json.put("aal", session.aal().wireValue());
        ArrayNode methods = json.putArray("authentication_methods");
        session.authenticationMethods().forEach(m -> methods.add(m.method()));
        session.expiresAt().ifPresent(e -> json.put("expires_at", e.toString()));
        session.identity().ifPresent(i -> json.set("identity", identityJson(i)));
        return json;
    }

    static ObjectNode identityJson(Identity identity) {
        ObjectNode json = Output.object();
        json.put("id", identity.id().value());
        json.put("schema_id", identity.schemaId());
        json.set("traits", identity.traits().json());
        ArrayNode addresses = json.putArray("verifiable_addresses");
        identity.verifiableAddresses().forEach(a -> addresses.addObject().put("value", a.value())
                .put("verified", a.verified()).put("status", a.status()));
        return json;
    }

    static ArrayNode messagesJson(Ui ui) {
        ArrayNode array = Output.object().arrayNode();
        for (UiMessage m : ui.allMessages()) {
            array.addObject().put("id", m.id()).put("type", m.rawType())
                    .put("text", m.holdsSecret() ? "***" : m.text());
        }
        return array;
    }

    /** A continue_with item for a person; a token it carries is never shown. */
    static String continueWith(ContinueWith item) {
        if (item instanceof ContinueWith.ShowVerificationUi v) {
            return "verify the address" + v.address().map(a -> " " + a).orElse("") + " in verification flow " + v.flow();
        } else if (item instanceof ContinueWith.SetSessionToken) {
            return "use the new session token";
        } else if (item instanceof ContinueWith.ShowSettingsUi s) {
            return "continue in settings flow " + s.flow();
        } else if (item instanceof ContinueWith.ShowRecoveryUi r) {
            return "continue in recovery flow " + r.flow();
        } else if (item instanceof ContinueWith.RedirectBrowserTo b) {
            return "open " + b.url() + " in a browser";
        }
        return "next step '" + ((ContinueWith.Unknown) item).action() + "' (unknown to this client)";
    }

    static List<String> continueWith(List<ContinueWith> items) {
        return items.stream().map(Describe::continueWith).toList();
    }
}
