package io.kratosflows.passkey;

import java.util.Objects;

/**
 * The parts of a WebAuthn {@code clientDataJSON} a relying party checks: the ceremony type, the
 * challenge it answers and the origin of the app or page that asked.
 *
 * @param type      {@code webauthn.create} or {@code webauthn.get}
 * @param challenge the challenge, base64url, as the relying party sent it
 * @param origin    the caller's origin: {@code https://example.com}, or
 *                  {@code android:apk-key-hash:<base64url>} for an Android app
 */
public record ClientData(String type, String challenge, String origin) {

    /** Requires every component. */
    public ClientData {
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(challenge, "challenge == null");
        Objects.requireNonNull(origin, "origin == null");
    }
}
