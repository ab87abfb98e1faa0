package io.kratosflows.passkey;

import com.fasterxml.jackson.databind.JsonNode;
import io.kratosflows.error.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A passkey sign-in, as the platform returns it: a WebAuthn {@code AuthenticationResponseJSON},
 * checked before it is sent. Android Credential Manager gives it as
 * {@code PublicKeyCredential.authenticationResponseJson}, a browser as {@code credential.toJSON()};
 * for iOS's {@code ASAuthorizationPlatformPublicKeyCredentialAssertion} use
 * {@link #of(byte[], byte[], byte[], byte[], byte[])} with its {@code credentialID},
 * {@code rawClientDataJSON}, {@code rawAuthenticatorData}, {@code signature} and {@code userID}.
 *
 * <p>Submit it with {@code LoginMethod.Passkey.of(assertion)}; Kratos receives it as
 * {@code passkey_login}. Kratos finds the account by the user handle, so it is required here.
 *
 * @param json the {@code AuthenticationResponseJSON} as received (validated: {@code id},
 *             {@code rawId}, {@code type: public-key}, base64url {@code response.clientDataJSON} of
 *             type {@code webauthn.get}, {@code response.authenticatorData},
 *             {@code response.signature} and {@code response.userHandle})
 */
public record PasskeyAssertion(String json) {

    /** Validates the JSON. @throws InvalidInputException listing what is wrong */
    public PasskeyAssertion {
        Objects.requireNonNull(json, "json == null");
        violations(json).ifPresentThrow();
    }

    /**
     * Reads an {@code AuthenticationResponseJSON}.
     *
     * @throws InvalidInputException listing every problem; nothing is sent to Kratos
     */
    public static PasskeyAssertion parse(String authenticationResponseJson) {
        return new PasskeyAssertion(authenticationResponseJson);
    }

    /** {@return the JSON built from the raw parts an iOS assertion gives} */
    public static PasskeyAssertion of(byte[] credentialId, byte[] clientDataJson, byte[] authenticatorData,
                                      byte[] signature, byte[] userHandle) {
        Map<String, byte[]> response = new LinkedHashMap<>();
        response.put("clientDataJSON", clientDataJson);
        response.put("authenticatorData", authenticatorData);
        response.put("signature", signature);
        response.put("userHandle", userHandle);
        return new PasskeyAssertion(WebAuthnJson.credential(credentialId, response));
    }

    /** {@return the credential id, base64url} */
    public String credentialId() {
        return WebAuthnJson.readObject(json, "assertion").path("id").asText();
    }

    /** {@return the user handle, base64url: the account Kratos signs in} */
    public String userHandle() {
        return WebAuthnJson.readObject(json, "assertion").path("response").path("userHandle").asText();
    }

    /** {@return the client data: ceremony type, challenge answered, origin} */
    public ClientData clientData() {
        return WebAuthnJson.clientData(WebAuthnJson.readObject(json, "assertion").path("response"),
                "webauthn.get", new ArrayList<>()).orElseThrow();
    }

    /** {@return whether this answers the challenge of {@code options}} */
    public boolean answers(PasskeyRequestOptions options) {
        return clientData().challenge().equals(options.challengeBase64url());
    }

    @Override
    public String toString() {
        return "PasskeyAssertion[id=" + credentialId() + ", origin=" + clientData().origin() + "]";
    }

    private static PasskeyRegistration.Violations violations(String json) {
        List<String> violations = new ArrayList<>();
        JsonNode credential;
        try {
            credential = WebAuthnJson.readObject(json, "assertion");
        } catch (IllegalArgumentException e) {
            return new PasskeyRegistration.Violations("PasskeyAssertion", List.of("json: must be a JSON object"));
        }
        WebAuthnJson.credentialFields(credential, violations);
        JsonNode response = credential.path("response");
        if (response.isObject()) {
            WebAuthnJson.clientData(response, "webauthn.get", violations);
            for (String field : List.of("authenticatorData", "signature", "userHandle")) {
                if (!WebAuthnJson.isBase64url(response.path(field))) {
                    violations.add("response." + field + ": must be base64url"
                            + (field.equals("userHandle") ? " (Kratos finds the account by it)" : ""));
                }
            }
        }
        return new PasskeyRegistration.Violations("PasskeyAssertion", violations);
    }
}
