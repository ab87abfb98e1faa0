package io.kratosflows.passkey;

import io.kratosflows.ui.Ui;
import io.kratosflows.ui.UiNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A passkey the identity already has, as a settings flow lists it (a {@code passkey_remove}
 * button per passkey, label 1050020 "Remove passkey ... added ...").
 *
 * @param id          the credential id as Kratos names it for removal: lower-case hex of the raw id
 * @param displayName the name Kratos shows (the authenticator's name when its AAGUID is known, else
 *                    {@code unnamed})
 * @param addedAt     when it was added, when Kratos says
 * @param removable   whether Kratos lets it be removed now (not the identity's last way to sign in)
 */
public record RegisteredPasskey(String id, Optional<String> displayName, Optional<Instant> addedAt, boolean removable) {

    /** Requires every component. */
    public RegisteredPasskey {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(displayName, "displayName == null");
        Objects.requireNonNull(addedAt, "addedAt == null");
    }

    /** {@return the passkeys a settings flow lists, in Kratos's order} */
    public static List<RegisteredPasskey> in(Ui ui) {
        return Objects.requireNonNull(ui, "ui == null").nodes("passkey").stream()
                .filter(n -> n.key().equals("passkey_remove"))
                .flatMap(n -> n.input().flatMap(i -> i.valueAsString()).map(v -> of(n, v)).stream())
                .toList();
    }

    /** {@return whether this is the credential with this base64url id (as a platform names it)} */
    public boolean hasCredentialId(String base64urlId) {
        return java.util.HexFormat.of().formatHex(WebAuthnJson.decode(base64urlId)).equals(id);
    }

    private static RegisteredPasskey of(UiNode node, String id) {
        Optional<java.util.Map<String, Object>> context = node.label().map(l -> l.context());
        Optional<String> name = context.map(c -> c.get("display_name")).map(String::valueOf);
        Optional<Instant> added = context.map(c -> c.get("added_at")).map(String::valueOf).flatMap(RegisteredPasskey::instant);
        boolean disabled = node.input().map(i -> i.disabled()).orElse(false);
        return new RegisteredPasskey(id, name, added, !disabled);
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
