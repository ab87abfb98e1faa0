package io.kratosflows.settings;

import io.kratosflows.ContinueWith;
import io.kratosflows.FlowId;
import io.kratosflows.Identity;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.ui.NodeAttributes;
import io.kratosflows.ui.UiNode;
import io.kratosflows.ui.Ui;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A settings flow ({@code settingsFlow}) for the identity of a session, plus the session token it
 * runs under (every settings call needs it). Kratos reference: {@code GET /self-service/settings/api},
 * {@code GET /self-service/settings/flows?id=}.
 *
 * @param id           the flow id
 * @param type         {@code api} for native flows
 * @param state        {@code show_form} or {@code success}
 * @param expiresAt    when the flow expires
 * @param issuedAt     when it was issued
 * @param ui           the form: nodes per method group and messages
 * @param identity     the identity being edited
 * @param continueWith further steps (e.g. verify a changed address)
 * @param sessionToken the session token of that identity
 * @param requestUrl   the URL the flow was started with, query included ({@code request_url}), when sent
 * @param active       the method being used; Kratos does not send it for settings flows (kept for a newer Kratos)
 */
public record SettingsFlow(FlowId id, String type, Optional<String> state, Optional<Instant> expiresAt,
                           Optional<Instant> issuedAt, Ui ui, Optional<Identity> identity,
                           List<ContinueWith> continueWith, SessionToken sessionToken, Optional<String> requestUrl,
                           Optional<String> active) {

    /** Requires every component; copies the list. */
    public SettingsFlow {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(state, "state == null");
        Objects.requireNonNull(expiresAt, "expiresAt == null");
        Objects.requireNonNull(issuedAt, "issuedAt == null");
        Objects.requireNonNull(ui, "ui == null");
        Objects.requireNonNull(identity, "identity == null");
        continueWith = List.copyOf(continueWith);
        Objects.requireNonNull(sessionToken, "sessionToken == null");
        Objects.requireNonNull(requestUrl, "requestUrl == null");
        Objects.requireNonNull(active, "active == null");
    }

    /** A flow without {@code request_url} and {@code active} (the shape before those were read). */
    public SettingsFlow(FlowId id, String type, Optional<String> state, Optional<Instant> expiresAt,
                        Optional<Instant> issuedAt, Ui ui, Optional<Identity> identity, List<ContinueWith> continueWith,
                        SessionToken sessionToken) {
        this(id, type, state, expiresAt, issuedAt, ui, identity, continueWith, sessionToken, Optional.empty(),
                Optional.empty());
    }

    /** {@return the method groups this flow offers, e.g. {@code [profile, password, totp, lookup_secret]}} */
    public List<String> methods() {
        return ui.groups();
    }

    /** {@return whether Kratos saved the last submission ({@code state: success})} */
    public boolean saved() {
        return state.filter("success"::equals).isPresent();
    }

    /** {@return the TOTP QR code as a {@code data:image/png;base64,...} URL, when TOTP can be linked} */
    public Optional<String> totpQrCode() {
        return ui.node("totp_qr").map(UiNode::attributes).filter(NodeAttributes.Image.class::isInstance)
                .map(a -> ((NodeAttributes.Image) a).src());
    }

    /** {@return the TOTP secret to type into an authenticator app, when TOTP can be linked} */
    public Optional<Secret> totpSecret() {
        return text("totp_secret_key").map(t -> String.valueOf(t.text().context().getOrDefault("secret", t.text().text())))
                .filter(s -> !s.isBlank()).map(Secret::of);
    }

    /** {@return the lookup (backup) codes Kratos shows after reveal or regenerate; empty otherwise} */
    public List<Secret> lookupSecrets() {
        return text("lookup_secret_codes").map(t -> t.text().context().get("secrets"))
                .filter(List.class::isInstance).map(l -> (List<?>) l).orElse(List.of()).stream()
                .filter(java.util.Map.class::isInstance).map(m -> ((java.util.Map<?, ?>) m).get("text"))
                .filter(Objects::nonNull).map(v -> Secret.of(v.toString())).toList();
    }

    /** {@return the value of the flow's {@code csrf_token} node (native settings flows echo it)} */
    public Optional<String> csrfToken() {
        return ui.node("csrf_token").flatMap(UiNode::input).flatMap(NodeAttributes.Input::valueAsString)
                .filter(s -> !s.isEmpty());
    }

    private Optional<NodeAttributes.Text> text(String id) {
        return ui.node(id).map(UiNode::attributes).filter(NodeAttributes.Text.class::isInstance)
                .map(a -> (NodeAttributes.Text) a);
    }
}
