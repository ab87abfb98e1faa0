package io.kratosflows.passkey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kratosflows.ui.Ui;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The WebAuthn options for signing in with a passkey, as Kratos puts them in a login flow (the
 * {@code passkey_challenge} input), in the form the platform APIs take them.
 *
 * <p>{@link #json()} is a {@code PublicKeyCredentialRequestOptionsJSON} (WebAuthn Level 3): the
 * object inside Kratos's {@code publicKey} wrapper, base64url strings for binary fields. Pass it to
 * Android Credential Manager ({@code new GetPublicKeyCredentialOption(json)} inside a
 * {@code GetCredentialRequest}); on iOS use
 * {@code ASAuthorizationPlatformPublicKeyCredentialProvider(relyingPartyIdentifier: rpId())
 * .createCredentialAssertionRequest(challenge: challenge())}, plus {@link #allowCredentialIds()}
 * when there are any. A first-factor login has none: the passkey is discoverable and Kratos finds
 * the account by the user handle in the answer.
 *
 * <pre>
 * passkey_challenge: {"publicKey": {"challenge": "...", "timeout": 300000, "rpId": "example.com", "userVerification": "preferred"}}
 * </pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class PasskeyRequestOptions {

    private static final String NODE = "passkey_challenge";

    private final ObjectNode options;
    private final Optional<String> mediation;

    private PasskeyRequestOptions(ObjectNode options, Optional<String> mediation) {
        this.options = options;
        this.mediation = mediation;
        WebAuthnJson.requiredText(options, "challenge", "passkey request options");
    }

    /**
     * The request options of a login flow, when it offers passkey sign-in.
     *
     * @throws IllegalArgumentException when the node is there but does not hold request options
     */
    public static Optional<PasskeyRequestOptions> from(Ui ui) {
        return WebAuthnJson.inputValue(Objects.requireNonNull(ui, "ui == null"), NODE).map(PasskeyRequestOptions::parse);
    }

    /**
     * Reads the value of a {@code passkey_challenge} node.
     *
     * @throws IllegalArgumentException when it is not JSON or lacks {@code publicKey.challenge}
     */
    public static PasskeyRequestOptions parse(String passkeyChallenge) {
        ObjectNode data = WebAuthnJson.readObject(Objects.requireNonNull(passkeyChallenge, "passkeyChallenge == null"), NODE);
        JsonNode publicKey = data.path("publicKey");
        if (!publicKey.isObject()) {
            throw new IllegalArgumentException(NODE + " has no publicKey options");
        }
        return new PasskeyRequestOptions(publicKey.deepCopy(), WebAuthnJson.optionalText(data, "mediation"));
    }

    /** {@return the options as {@code PublicKeyCredentialRequestOptionsJSON}, for Credential Manager and browsers} */
    public String json() {
        return options.toString();
    }

    /** {@return the challenge bytes} */
    public byte[] challenge() {
        return WebAuthnJson.decode(challengeBase64url());
    }

    /** {@return the challenge as Kratos sent it, base64url} */
    public String challengeBase64url() {
        return options.path("challenge").asText();
    }

    /** {@return the relying party id; empty when Kratos sent none (then the origin's host applies)} */
    public Optional<String> rpId() {
        return WebAuthnJson.optionalText(options, "rpId");
    }

    /** {@return the credential ids (base64url) the sign-in is limited to; empty for discoverable sign-in} */
    public List<String> allowCredentialIds() {
        return WebAuthnJson.credentialIds(options.path("allowCredentials"));
    }

    /** {@return {@code userVerification}, e.g. {@code preferred}} */
    public Optional<String> userVerification() {
        return WebAuthnJson.optionalText(options, "userVerification");
    }

    /** {@return how long the relying party waits for the ceremony} */
    public Optional<Duration> timeout() {
        return WebAuthnJson.timeout(options);
    }

    /** {@return the mediation Kratos asks for (e.g. {@code conditional}), when it names one} */
    public Optional<String> mediation() {
        return mediation;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PasskeyRequestOptions o && o.options.equals(options) && o.mediation.equals(mediation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(options, mediation);
    }

    @Override
    public String toString() {
        return "PasskeyRequestOptions[rpId=" + rpId().orElse("") + ", allowCredentials=" + allowCredentialIds().size() + "]";
    }
}
