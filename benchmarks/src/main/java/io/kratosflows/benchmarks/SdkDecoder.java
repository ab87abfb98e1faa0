package io.kratosflows.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import sh.ory.kratos.JSON;
import sh.ory.kratos.model.ErrorGeneric;
import sh.ory.kratos.model.LoginFlow;
import sh.ory.kratos.model.Session;
import sh.ory.kratos.model.SettingsFlow;
import sh.ory.kratos.model.SuccessfulNativeLogin;
import sh.ory.kratos.model.UiContainer;
import sh.ory.kratos.model.UiNode;
import sh.ory.kratos.model.UiText;

/**
 * The official SDK's side of the decode benchmark ({@code sh.ory.kratos:kratos-client}, okhttp-gson):
 * what its {@code ApiClient} does with a body (a {@code String}, then {@link JSON#deserialize} into the
 * model of the status, as a caller does with an {@code ApiException}'s body), and the same decision
 * the library makes, written against the SDK's models.
 */
public final class SdkDecoder {

    private static final long CODE_SENT = 1010014L;

    static {
        new JSON(); // the SDK's Gson, with its type adapters, is set up by this class's initializer
    }

    private SdkDecoder() {
    }

    /**
     * The SDK's model of an answer and the decision made from it.
     *
     * @param kind  the decision, as in {@link Facts#kind()}
     * @param model the SDK's model of the body
     */
    public record Answer(String kind, Object model) {

        /** Requires both. */
        public Answer {
            Objects.requireNonNull(kind, "kind == null");
            Objects.requireNonNull(model, "model == null");
        }
    }

    /**
     * {@return the SDK's model of {@code body} answering {@code call}, and the decision}
     *
     * @throws IllegalStateException when the answer is none this call expects
     * @throws RuntimeException      whatever the SDK throws on a body it cannot read
     */
    public static Answer decode(Body.Call call, int status, byte[] body) {
        String json = new String(body, StandardCharsets.UTF_8); // ApiClient reads the body as a String
        switch (call) {
            case LOGIN_START:
                if (status == 200) {
                    return new Answer("flow", JSON.<LoginFlow>deserialize(json, LoginFlow.class));
                }
                break;
            case SETTINGS_START:
                if (status == 200) {
                    return new Answer("flow", JSON.<SettingsFlow>deserialize(json, SettingsFlow.class));
                }
                break;
            case LOGIN_SUBMIT:
                if (status == 200) {
                    SuccessfulNativeLogin success = JSON.deserialize(json, SuccessfulNativeLogin.class);
                    if (success.getSessionToken() != null) {
                        return new Answer("completed", success);
                    }
                }
                if (status == 400) {
                    LoginFlow flow = JSON.deserialize(json, LoginFlow.class);
                    boolean codeSent = "sent_email".equals(flow.getState()) || hasMessage(flow.getUi(), CODE_SENT);
                    return new Answer(codeSent && !hasErrors(flow.getUi()) ? "code-sent" : "needs-input", flow);
                }
                if (status == 410) {
                    return new Answer("expired", JSON.<ErrorGeneric>deserialize(json, ErrorGeneric.class));
                }
                break;
            case WHOAMI:
                if (status == 200) {
                    Session session = JSON.deserialize(json, Session.class);
                    if (Boolean.TRUE.equals(session.getActive())) {
                        return new Answer("active", session);
                    }
                }
                if (status == 401) {
                    return new Answer("not-signed-in", JSON.<ErrorGeneric>deserialize(json, ErrorGeneric.class));
                }
                break;
            default:
                break;
        }
        throw new IllegalStateException(call + ": unexpected answer " + status);
    }

    private static boolean hasMessage(UiContainer ui, long id) {
        return ui.getMessages() != null && ui.getMessages().stream().anyMatch(m -> m.getId() == id);
    }

    private static boolean hasErrors(UiContainer ui) {
        if (errors(ui.getMessages())) {
            return true;
        }
        for (UiNode n : ui.getNodes()) {
            if (errors(n.getMessages())) {
                return true;
            }
        }
        return false;
    }

    private static boolean errors(List<UiText> messages) {
        return messages != null && messages.stream().anyMatch(m -> m.getType() == UiText.TypeEnum.ERROR);
    }
}
