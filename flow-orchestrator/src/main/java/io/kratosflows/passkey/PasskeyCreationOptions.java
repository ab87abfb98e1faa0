package io.kratosflows.passkey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kratosflows.Traits;
import io.kratosflows.ui.Ui;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The WebAuthn options for creating a passkey, as Kratos puts them in a registration or settings
 * flow (the {@code passkey_create_data} input), in the form the platform APIs take them.
 *
 * <p>{@link #json()} is a {@code PublicKeyCredentialCreationOptionsJSON} (WebAuthn Level 3): the
 * object inside Kratos's {@code publicKey} wrapper, base64url strings for binary fields. Pass it
 * unchanged to Android Credential Manager ({@code new CreatePublicKeyCredentialRequest(json)}) or a
 * browser's {@code PublicKeyCredential.parseCreationOptionsFromJSON}. iOS's
 * {@code ASAuthorizationPlatformPublicKeyCredentialProvider(relyingPartyIdentifier: rpId())
 * .createCredentialRegistrationRequest(challenge:name:userID:)} takes {@link #challenge()},
 * {@link #userName()} and {@link #userId()}.
 *
 * <p>In a <em>registration</em> flow Kratos does not know the user's name yet: it names the trait
 * that holds it ({@link #displayNameField()}, e.g. {@code traits.email}) and leaves its relying
 * party name in {@code user.name}. Call {@link #forTraits} with the traits you will submit, as
 * Kratos's own browser script does, so the passkey is saved under the user's name.
 *
 * <pre>
 * registration: {"credentialOptions": {"publicKey": {rp, user, challenge, ...}}, "displayNameFieldName": "traits.email"}
 * settings:     {"publicKey": {rp, user, challenge, ...}}
 * </pre>
 *
 * <p>Immutable and thread-safe. Nothing here is secret: the challenge is single-use and public.
 */
public final class PasskeyCreationOptions {

    private static final String NODE = "passkey_create_data";

    private final ObjectNode options;
    private final Optional<String> displayNameField;

    private PasskeyCreationOptions(ObjectNode options, Optional<String> displayNameField) {
        this.options = options;
        this.displayNameField = displayNameField;
        // Fail early on anything a platform would reject later with a vaguer error.
        WebAuthnJson.requiredText(options, "challenge", "passkey creation options");
        WebAuthnJson.requiredText(options.path("user"), "id", "passkey creation options' user");
        if (!options.path("rp").isObject()) {
            throw new IllegalArgumentException("passkey creation options have no 'rp'");
        }
    }

    /**
     * The creation options of a flow, when it offers to create a passkey (Kratos v26 registration
     * flows, settings flows of a signed-in identity).
     *
     * @throws IllegalArgumentException when the node is there but does not hold creation options
     */
    public static Optional<PasskeyCreationOptions> from(Ui ui) {
        return WebAuthnJson.inputValue(Objects.requireNonNull(ui, "ui == null"), NODE).map(PasskeyCreationOptions::parse);
    }

    /**
     * Reads the value of a {@code passkey_create_data} node, in its registration or settings shape.
     *
     * @throws IllegalArgumentException when it is not JSON or lacks {@code rp}, {@code user.id} or {@code challenge}
     */
    public static PasskeyCreationOptions parse(String passkeyCreateData) {
        ObjectNode data = WebAuthnJson.readObject(Objects.requireNonNull(passkeyCreateData, "passkeyCreateData == null"),
                NODE);
        JsonNode wrapper = data.has("credentialOptions") ? data.path("credentialOptions") : data;
        JsonNode publicKey = wrapper.path("publicKey");
        if (!publicKey.isObject()) {
            throw new IllegalArgumentException(NODE + " has no publicKey options");
        }
        return new PasskeyCreationOptions(publicKey.deepCopy(),
                WebAuthnJson.optionalText(data, "displayNameFieldName"));
    }

    /** {@return a copy whose {@code user.name} and {@code user.displayName} are these} */
    public PasskeyCreationOptions forUser(String name, String displayName) {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(displayName, "displayName == null");
        ObjectNode copy = options.deepCopy();
        ((ObjectNode) copy.path("user")).put("name", name).put("displayName", displayName);
        return new PasskeyCreationOptions(copy, displayNameField);
    }

    /**
     * {@return a copy named after the trait Kratos names in {@link #displayNameField()}} The same
     * options when there is no such field (settings flows already carry the name).
     *
     * @throws IllegalArgumentException when the traits lack that field
     */
    public PasskeyCreationOptions forTraits(Traits traits) {
        Objects.requireNonNull(traits, "traits == null");
        if (displayNameField.isEmpty()) {
            return this;
        }
        String field = displayNameField.get();
        String path = field.startsWith("traits.") ? field.substring("traits.".length()) : field;
        String name = traits.text(path).filter(v -> !v.isBlank()).orElseThrow(() -> new IllegalArgumentException(
                "the traits have no '" + path + "', which Kratos names as the passkey's display name"));
        return forUser(name, name);
    }

    /** {@return the options as {@code PublicKeyCredentialCreationOptionsJSON}, for Credential Manager and browsers} */
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

    /** {@return the relying party id, e.g. {@code example.com}; empty when Kratos sent none (then the origin's host applies)} */
    public Optional<String> rpId() {
        return WebAuthnJson.optionalText(options.path("rp"), "id");
    }

    /** {@return the relying party's display name} */
    public Optional<String> rpName() {
        return WebAuthnJson.optionalText(options.path("rp"), "name");
    }

    /** {@return the user handle the passkey will carry (Kratos identifies the account by it)} */
    public byte[] userId() {
        return WebAuthnJson.decode(userIdBase64url());
    }

    /** {@return the user handle, base64url} */
    public String userIdBase64url() {
        return options.path("user").path("id").asText();
    }

    /** {@return {@code user.name}: the name the platform shows for the passkey} */
    public String userName() {
        return options.path("user").path("name").asText("");
    }

    /** {@return {@code user.displayName}} */
    public String userDisplayName() {
        return options.path("user").path("displayName").asText("");
    }

    /** {@return the trait Kratos takes the display name from, e.g. {@code traits.email} (registration flows only)} */
    public Optional<String> displayNameField() {
        return displayNameField;
    }

    /** {@return the COSE algorithms offered, in Kratos's order of preference, e.g. {@code [-7, -35, ...]}} */
    public List<Integer> algorithms() {
        List<Integer> algs = new ArrayList<>();
        options.path("pubKeyCredParams").forEach(p -> {
            if (p.path("alg").canConvertToInt()) {
                algs.add(p.path("alg").asInt());
            }
        });
        return List.copyOf(algs);
    }

    /** {@return the ids (base64url) of credentials the identity already has, which must not be created again} */
    public List<String> excludeCredentialIds() {
        return WebAuthnJson.credentialIds(options.path("excludeCredentials"));
    }

    /** {@return {@code authenticatorSelection.userVerification}, e.g. {@code preferred}} */
    public Optional<String> userVerification() {
        return WebAuthnJson.optionalText(options.path("authenticatorSelection"), "userVerification");
    }

    /** {@return {@code authenticatorSelection.residentKey}: {@code required} for passkeys} */
    public Optional<String> residentKey() {
        return WebAuthnJson.optionalText(options.path("authenticatorSelection"), "residentKey");
    }

    /** {@return {@code authenticatorSelection.authenticatorAttachment}, e.g. {@code platform}} */
    public Optional<String> authenticatorAttachment() {
        return WebAuthnJson.optionalText(options.path("authenticatorSelection"), "authenticatorAttachment");
    }

    /** {@return how long the relying party waits for the ceremony} */
    public Optional<Duration> timeout() {
        return WebAuthnJson.timeout(options);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PasskeyCreationOptions o && o.options.equals(options)
                && o.displayNameField.equals(displayNameField);
    }

    @Override
    public int hashCode() {
        return Objects.hash(options, displayNameField);
    }

    @Override
    public String toString() {
        return "PasskeyCreationOptions[rpId=" + rpId().orElse("") + ", user=" + userName()
                + displayNameField.map(f -> ", displayNameField=" + f).orElse("") + "]";
    }
}
