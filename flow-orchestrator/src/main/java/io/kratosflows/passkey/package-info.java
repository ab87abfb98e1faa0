/**
 * Passkeys for native apps: the WebAuthn options Kratos puts in a flow, typed and in the JSON form
 * Android Credential Manager and browsers take ({@link io.kratosflows.passkey.PasskeyCreationOptions},
 * {@link io.kratosflows.passkey.PasskeyRequestOptions}), the platform's answers, validated before
 * they are sent ({@link io.kratosflows.passkey.PasskeyRegistration},
 * {@link io.kratosflows.passkey.PasskeyAssertion}), the passkeys a settings flow lists
 * ({@link io.kratosflows.passkey.RegisteredPasskey}) and why a sign-in was refused
 * ({@link io.kratosflows.passkey.PasskeyFailure}).
 *
 * <pre>{@code
 * LoginFlow flow = kratos.login().start();
 * PasskeyRequestOptions options = PasskeyRequestOptions.from(flow.ui()).orElseThrow();
 * String responseJson = platform.getCredential(options.json());          // Credential Manager / ASAuthorization
 * LoginOutcome outcome = kratos.login().submit(flow, LoginMethod.Passkey.of(PasskeyAssertion.parse(responseJson)));
 * }</pre>
 */
package io.kratosflows.passkey;
