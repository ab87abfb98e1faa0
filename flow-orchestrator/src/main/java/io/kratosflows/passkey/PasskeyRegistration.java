package io.kratosflows.passkey;

import com.fasterxml.jackson.databind.JsonNode;
import io.kratosflows.error.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A new passkey, as the platform returns it: a WebAuthn {@code RegistrationResponseJSON}, checked
 * before it is sent. Android Credential Manager gives it as
 * {@code CreatePublicKeyCredentialResponse.registrationResponseJson}, a browser as
 * {@code credential.toJSON()}; for iOS's {@code ASAuthorizationPlatformPublicKeyCredentialRegistration}
 * use {@link #of(byte[], byte[], byte[])} with its {@code credentialID},
 * {@code rawClientDataJSON} and {@code rawAttestationObject}.
 *
 * <p>Submit it with {@code RegistrationMethod.Passkey.of(traits, registration)} or
 * {@code SettingsMethod.Passkey.add(registration)}; Kratos sends it on as
 * {@code passkey_register} / {@code passkey_settings_register}.
 *
 * @param json the {@code RegistrationResponseJSON} as received (validated: {@code id}, {@code rawId},
 *             {@code type: public-key}, base64url {@code response.clientDataJSON} of type
 *             {@code webauthn.create}, base64url {@code response.attestationObject})
 */
public record PasskeyRegistration(String json) {

    /** Validates the JSON. @throws InvalidInputException listing what is wrong */
    public PasskeyRegistration {
        Objects.requireNonNull(json, "json == null");
        violations(json).ifPresentThrow();
    }

    /**
     * Reads a {@code RegistrationResponseJSON}.
     *
     * @throws InvalidInputException listing every problem; nothing is sent to Kratos
     */
    public static PasskeyRegistration parse(String registrationResponseJson) {
        return new PasskeyRegistration(registrationResponseJson);
    }

    /** {@return the JSON built from the raw parts an iOS registration gives} */
    public static PasskeyRegistration of(byte[] credentialId, byte[] clientDataJson, byte[] attestationObject) {
        Map<String, byte[]> response = new LinkedHashMap<>();
        response.put("clientDataJSON", clientDataJson);
        response.put("attestationObject", attestationObject);
        return new PasskeyRegistration(WebAuthnJson.credential(credentialId, response));
    }

    /** {@return the credential id, base64url} */
    public String credentialId() {
        return WebAuthnJson.readObject(json, "registration").path("id").asText();
    }

    /** {@return the client data: ceremony type, challenge answered, origin} */
    public ClientData clientData() {
        List<String> ignored = new ArrayList<>();
        return WebAuthnJson.clientData(WebAuthnJson.readObject(json, "registration").path("response"),
                "webauthn.create", ignored).orElseThrow();
    }

    /** {@return whether this answers the challenge of {@code options}} A stale flow's challenge does not verify. */
    public boolean answers(PasskeyCreationOptions options) {
        return clientData().challenge().equals(options.challengeBase64url());
    }

    @Override
    public String toString() {
        return "PasskeyRegistration[id=" + credentialId() + ", origin=" + clientData().origin() + "]";
    }

    private static Violations violations(String json) {
        List<String> violations = new ArrayList<>();
        JsonNode credential;
        try {
            credential = WebAuthnJson.readObject(json, "registration");
        } catch (IllegalArgumentException e) {
            return new Violations("PasskeyRegistration", List.of("json: must be a JSON object"));
        }
        WebAuthnJson.credentialFields(credential, violations);
        JsonNode response = credential.path("response");
        if (response.isObject()) {
            WebAuthnJson.clientData(response, "webauthn.create", violations);
            if (!WebAuthnJson.isBase64url(response.path("attestationObject"))) {
                violations.add("response.attestationObject: must be base64url");
            }
        }
        return new Violations("PasskeyRegistration", violations);
    }

    /** Violations found while reading a credential JSON; thrown as one {@link InvalidInputException}. */
    record Violations(String subject, List<String> list) {
        void ifPresentThrow() {
            if (!list.isEmpty()) {
                throw new InvalidInputException(subject, list.stream().sorted().toList());
            }
        }
    }
}
