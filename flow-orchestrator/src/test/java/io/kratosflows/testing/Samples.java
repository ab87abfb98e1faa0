package io.kratosflows.testing;

import io.kratosflows.Aal;
import io.kratosflows.FlowId;
import io.kratosflows.SessionToken;
import io.kratosflows.error.KratosError;
import io.kratosflows.login.LoginFlow;
import io.kratosflows.recovery.RecoveryFlow;
import io.kratosflows.registration.RegistrationFlow;
import io.kratosflows.session.Session;
import io.kratosflows.settings.SettingsFlow;
import io.kratosflows.ui.NodeAttributes;
import io.kratosflows.ui.NodeType;
import io.kratosflows.ui.Ui;
import io.kratosflows.ui.UiNode;
import io.kratosflows.verification.VerificationFlow;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Small values of every public record, for tests that need a flow, an error or a session but do not
 * care about their content: the one place their many positional components are spelled out. Every
 * flow has the id {@link #ID} and a form without nodes. Published in this module's test jar (the
 * contract tests submit these flows to Pact's mock server).
 */
public final class Samples {

    /** The id of every sample flow. */
    public static final FlowId ID = FlowId.of("00000000-0000-4000-8000-000000000000");
    /** A form without nodes: it offers every method, so dispatchers see what Kratos answered. */
    public static final Ui EMPTY_UI = new Ui("http://127.0.0.1:4433/self-service/x?flow=" + ID, "POST", List.of(), List.of());

    private Samples() {
    }

    /** {@return a login flow without a session token} */
    public static LoginFlow login() {
        return login(Optional.empty());
    }

    /** {@return a login flow started with the given token, when any} */
    public static LoginFlow login(Optional<SessionToken> token) {
        return login(token, Aal.AAL1);
    }

    /** {@return a login flow started with the given token, when any, asking for an assurance level} */
    public static LoginFlow login(Optional<SessionToken> token, Aal requestedAal) {
        return new LoginFlow(ID, "api", Optional.empty(), false, requestedAal, Optional.empty(), Optional.empty(), EMPTY_UI,
                Optional.empty(), Optional.empty(), token);
    }

    /** {@return a login flow that expired at the given time, started with the token} */
    public static LoginFlow loginExpiredAt(java.time.Instant expiresAt, SessionToken token) {
        return new LoginFlow(ID, "api", Optional.empty(), true, Aal.AAL1, Optional.of(expiresAt), Optional.empty(), EMPTY_UI,
                Optional.empty(), Optional.empty(), Optional.of(token));
    }

    /** {@return a registration flow} */
    public static RegistrationFlow registration() {
        return new RegistrationFlow(ID, "api", Optional.empty(), Optional.empty(), Optional.empty(), EMPTY_UI, Optional.empty(),
                Optional.empty());
    }

    /** {@return a settings flow run under the token} */
    public static SettingsFlow settings(SessionToken token) {
        return new SettingsFlow(ID, "api", Optional.empty(), Optional.empty(), Optional.empty(), EMPTY_UI, Optional.empty(),
                List.of(), token);
    }

    /** {@return a recovery flow} */
    public static RecoveryFlow recovery() {
        return recovery(EMPTY_UI);
    }

    /** {@return a recovery flow with this form} */
    public static RecoveryFlow recovery(Ui ui) {
        return new RecoveryFlow(ID, "api", Optional.empty(), Optional.empty(), Optional.empty(), ui, List.of(), Optional.empty());
    }

    /** {@return a verification flow} */
    public static VerificationFlow verification() {
        return verification(Optional.empty(), EMPTY_UI);
    }

    /** {@return a verification flow in the given state, e.g. {@code sent_email} or {@code passed_challenge}} */
    public static VerificationFlow verification(Optional<String> state) {
        return verification(state, EMPTY_UI);
    }

    /** {@return a verification flow with this form} */
    public static VerificationFlow verification(Ui ui) {
        return verification(Optional.empty(), ui);
    }

    private static VerificationFlow verification(Optional<String> state, Ui ui) {
        return new VerificationFlow(ID, "api", state, Optional.empty(), Optional.empty(), ui, Optional.empty());
    }

    /** {@return a form that offers exactly these methods (groups): one text input per group} */
    public static Ui form(String... groups) {
        return new Ui(EMPTY_UI.action(), "POST", Arrays.stream(groups).map(group -> new UiNode(NodeType.INPUT, "input", group,
                new NodeAttributes.Input(group + "_input", "text", Optional.empty(), false, false, Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty()), List.of(), Optional.empty())).toList(), List.of());
    }

    /** {@return an error with a status and an id} */
    public static KratosError error(int status, String id) {
        return new KratosError(status, Optional.of(id), Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
    }

    /** {@return an active aal1 session without identity} */
    public static Session session() {
        return new Session("5e550000-0000-4000-8000-000000000000", true, Aal.AAL1, List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }
}
