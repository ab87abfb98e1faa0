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
 */
public record SettingsFlow(FlowId id, String type, Optional<String> state, Optional<Instant> expiresAt,
                           Optional<Instant> issuedAt, Ui ui, Optional<Identity> identity, List<ContinueWith> continueWith,
                           SessionToken sessionToken) {

    private static final long UNUSED_LOOKUP_SECRET = 1050009L;
    private static final long USED_LOOKUP_SECRET = 1050014L;

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

    /**
     * {@return the backup codes still usable, as Kratos shows them after reveal or regenerate; empty
     * otherwise} Each unused code is message 1050009 with the code in {@code context.secret}; a used
     * one (1050014) carries no code and is left out, see {@link #usedLookupSecrets()}.
     */
    public List<Secret> lookupSecrets() {
        return lookupSecretEntries().stream().filter(m -> m.id() == UNUSED_LOOKUP_SECRET)
                .map(m -> m.context().get("secret")).filter(v -> v instanceof String s && !s.isBlank())
                .map(v -> Secret.of((String) v)).toList();
    }

    /** {@return when each used backup code was used (message 1050014, {@code context.used_at}), as Kratos shows them} */
    public List<Instant> usedLookupSecrets() {
        return lookupSecretEntries().stream().filter(m -> m.id() == USED_LOOKUP_SECRET)
                .map(m -> m.context().get("used_at")).filter(String.class::isInstance)
                .flatMap(v -> parseInstant((String) v).stream()).toList();
    }

    /** One entry of the {@code lookup_secret_codes} text: its message id and context. */
    private record LookupEntry(long id, java.util.Map<?, ?> context) {
    }

    private List<LookupEntry> lookupSecretEntries() {
        return text("lookup_secret_codes").map(t -> t.text().context().get("secrets"))
                .filter(List.class::isInstance).map(l -> (List<?>) l).orElse(List.of()).stream()
                .filter(java.util.Map.class::isInstance).map(m -> (java.util.Map<?, ?>) m)
                .map(m -> new LookupEntry(m.get("id") instanceof Number n ? n.longValue() : 0L,
                        m.get("context") instanceof java.util.Map<?, ?> c ? c : java.util.Map.of()))
                .toList();
    }

    private static Optional<Instant> parseInstant(String value) {
        try {
            return Optional.of(java.time.OffsetDateTime.parse(value).toInstant());
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** {@return whether the flow offers to confirm newly generated backup codes ({@code lookup_secret_confirm})} */
    public boolean lookupSecretsNeedConfirmation() {
        return ui.node("lookup_secret_confirm").isPresent();
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
