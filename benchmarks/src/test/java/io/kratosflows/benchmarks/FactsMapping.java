package io.kratosflows.benchmarks;

import io.kratosflows.login.LoginFlow;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.session.Session;
import io.kratosflows.session.WhoamiOutcome;
import io.kratosflows.settings.SettingsFlow;
import io.kratosflows.ui.NodeAttributes;
import io.kratosflows.ui.Ui;
import io.kratosflows.ui.UiMessage;
import io.kratosflows.ui.UiNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import sh.ory.kratos.model.ErrorGeneric;
import sh.ory.kratos.model.SuccessfulNativeLogin;
import sh.ory.kratos.model.UiContainer;
import sh.ory.kratos.model.UiNodeAnchorAttributes;
import sh.ory.kratos.model.UiNodeImageAttributes;
import sh.ory.kratos.model.UiNodeInputAttributes;
import sh.ory.kratos.model.UiNodeScriptAttributes;
import sh.ory.kratos.model.UiNodeTextAttributes;
import sh.ory.kratos.model.UiText;

/** Maps the library's outcomes and the SDK's models onto {@link Facts}, to compare them with the baseline's. */
final class FactsMapping {

    private FactsMapping() {
    }

    static Facts ofLibrary(Object outcome) {
        if (outcome instanceof LoginFlow f) {
            return Facts.flow("flow", f.id().value(), f.state(), f.expiresAt(), nodes(f.ui()), messages(f.ui().messages()));
        } else if (outcome instanceof SettingsFlow f) {
            return Facts.flow("flow", f.id().value(), f.state(), f.expiresAt(), nodes(f.ui()), messages(f.ui().messages()));
        } else if (outcome instanceof LoginOutcome.NeedsInput n) {
            return relabel(ofLibrary(n.flow()), "needs-input");
        } else if (outcome instanceof LoginOutcome.CodeSent c) {
            return relabel(ofLibrary(c.flow()), "code-sent");
        } else if (outcome instanceof LoginOutcome.Completed c) {
            return session("completed", c.session(), !c.token().reveal().isBlank());
        } else if (outcome instanceof LoginOutcome.FlowExpired e) {
            return Facts.error("expired", e.error().id(), e.error().reason(), e.replacement().map(r -> r.value()));
        } else if (outcome instanceof WhoamiOutcome.Active a) {
            return session("active", a.session(), false);
        } else if (outcome instanceof WhoamiOutcome.NotSignedIn n) {
            return Facts.error("not-signed-in", n.error().id(), n.error().reason(), Optional.empty());
        }
        throw new AssertionError("unexpected outcome " + outcome.getClass().getName());
    }

    private static Facts session(String kind, Session s, boolean token) {
        return Facts.session(kind, s.id(), s.identity().map(i -> i.id().value()), s.expiresAt(), token);
    }

    private static Facts relabel(Facts f, String kind) {
        return new Facts(kind, f.flowId(), f.state(), f.expiresAt(), f.nodes(), f.messages(), f.sessionId(), f.identityId(),
                f.sessionExpiresAt(), f.tokenIssued(), f.errorId(), f.errorReason(), f.replacement());
    }

    private static List<Facts.Node> nodes(Ui ui) {
        return ui.nodes().stream().map(FactsMapping::node).collect(Collectors.toList());
    }

    private static Facts.Node node(UiNode n) {
        NodeAttributes a = n.attributes();
        String name;
        Optional<String> value;
        if (a instanceof NodeAttributes.Input i) {
            name = i.name();
            value = i.value().map(String::valueOf);
        } else if (a instanceof NodeAttributes.Text t) {
            name = t.id();
            value = Optional.of(t.text().text());
        } else if (a instanceof NodeAttributes.Image i) {
            name = i.id();
            value = Optional.of(i.src());
        } else if (a instanceof NodeAttributes.Script s) {
            name = s.id();
            value = Optional.of(s.src());
        } else if (a instanceof NodeAttributes.Anchor an) {
            name = an.id();
            value = Optional.of(an.href());
        } else {
            throw new AssertionError("node type not in the fixtures: " + a);
        }
        return new Facts.Node(n.group(), n.rawType(), name, value, messages(n.messages()));
    }

    private static List<Long> messages(List<UiMessage> messages) {
        return messages.stream().map(UiMessage::id).collect(Collectors.toList());
    }

    static Facts ofSdk(SdkDecoder.Answer answer) {
        Object m = answer.model();
        if (m instanceof sh.ory.kratos.model.LoginFlow f) {
            return Facts.flow(answer.kind(), f.getId(), Optional.ofNullable((String) f.getState()), instant(f.getExpiresAt()),
                    nodes(f.getUi()), messagesOf(f.getUi().getMessages()));
        } else if (m instanceof sh.ory.kratos.model.SettingsFlow f) {
            return Facts.flow(answer.kind(), f.getId(), Optional.ofNullable((String) f.getState()), instant(f.getExpiresAt()),
                    nodes(f.getUi()), messagesOf(f.getUi().getMessages()));
        } else if (m instanceof SuccessfulNativeLogin s) {
            return session(answer.kind(), s.getSession(), s.getSessionToken() != null && !s.getSessionToken().isBlank());
        } else if (m instanceof sh.ory.kratos.model.Session s) {
            return session(answer.kind(), s, false);
        } else if (m instanceof ErrorGeneric e) {
            Object replacement = e.getAdditionalProperties() == null ? null : e.getAdditionalProperty("use_flow_id");
            return Facts.error(answer.kind(), Optional.ofNullable(e.getError().getId()), Optional.ofNullable(e.getError().getReason()),
                    Optional.ofNullable((String) replacement));
        }
        throw new AssertionError("unexpected model " + m.getClass().getName());
    }

    private static Facts session(String kind, sh.ory.kratos.model.Session s, boolean token) {
        return Facts.session(kind, s.getId(), Optional.ofNullable(s.getIdentity()).map(i -> i.getId()), instant(s.getExpiresAt()), token);
    }

    private static Optional<java.time.Instant> instant(OffsetDateTime t) {
        return Optional.ofNullable(t).map(OffsetDateTime::toInstant);
    }

    private static List<Facts.Node> nodes(UiContainer ui) {
        return ui.getNodes().stream().map(n -> {
            Object a = n.getAttributes().getActualInstance();
            String name;
            Optional<String> value;
            if (a instanceof UiNodeInputAttributes i) {
                name = i.getName();
                value = Optional.ofNullable(i.getValue()).map(String::valueOf);
            } else if (a instanceof UiNodeTextAttributes t) {
                name = t.getId();
                value = Optional.of(t.getText().getText());
            } else if (a instanceof UiNodeImageAttributes i) {
                name = i.getId();
                value = Optional.of(i.getSrc());
            } else if (a instanceof UiNodeScriptAttributes s) {
                name = s.getId();
                value = Optional.of(s.getSrc());
            } else if (a instanceof UiNodeAnchorAttributes an) {
                name = an.getId();
                value = Optional.of(an.getHref());
            } else {
                throw new AssertionError("node type not in the fixtures: " + a);
            }
            return new Facts.Node(n.getGroup().getValue(), n.getType().getValue(), name, value, messagesOf(n.getMessages()));
        }).collect(Collectors.toList());
    }

    private static List<Long> messagesOf(List<UiText> messages) {
        return messages == null ? List.of() : messages.stream().map(UiText::getId).collect(Collectors.toList());
    }
}
