package io.kratosflows.registration;

import io.kratosflows.Secret;
import io.kratosflows.Traits;
import io.kratosflows.validation.NotBlankSecret;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Objects;
import java.util.Optional;

/**
 * What a registration submission sends: one variant per Kratos registration method
 * ({@code updateRegistrationFlowBody} by {@code method}). Validated before anything is sent.
 */
public sealed interface RegistrationMethod {

    /** {@return the Kratos method name} */
    String method();

    /**
     * {@code password}: traits and a password (one-step registration, or step two of two-step).
     *
     * @param traits   the identity traits
     * @param password the password
     */
    record Password(@NotNull Traits traits, @NotNull @NotBlankSecret Secret password) implements RegistrationMethod {
        @Override
        public String method() {
            return "password";
        }
    }

    /**
     * {@code code}: passwordless registration with a one-time code sent to the identifier trait.
     *
     * @param traits the identity traits
     * @param code   the received code, for step two
     * @param resend whether to ask for a new code
     */
    record Code(@NotNull Traits traits, @NotNull Optional<@NotBlankSecret Secret> code, boolean resend) implements RegistrationMethod {
        /** Requires the optional holder. */
        public Code {
            Objects.requireNonNull(code, "code == null");
        }

        /** {@return step one: send a code} */
        public static Code request(Traits traits) {
            return new Code(traits, Optional.empty(), false);
        }

        /** {@return step two: submit the received code (with the same traits)} */
        public static Code submit(Traits traits, Secret code) {
            return new Code(traits, Optional.of(code), false);
        }

        /** {@return ask for a new code} */
        public static Code resend(Traits traits) {
            return new Code(traits, Optional.empty(), true);
        }

        @Override
        public String method() {
            return "code";
        }
    }

    /**
     * {@code oidc}: register with a social or enterprise provider (browser hand-over, or a native
     * id token).
     *
     * @param provider     the provider id
     * @param traits       traits to pre-fill, when any
     * @param idToken      an id token obtained natively
     * @param idTokenNonce its nonce
     */
    record Oidc(@NotBlank String provider, @NotNull Optional<Traits> traits, @NotNull Optional<@NotBlankSecret Secret> idToken,
                @NotNull Optional<String> idTokenNonce) implements RegistrationMethod {
        /** Requires the optional holders. */
        public Oidc {
            Objects.requireNonNull(traits, "traits == null");
            Objects.requireNonNull(idToken, "idToken == null");
            Objects.requireNonNull(idTokenNonce, "idTokenNonce == null");
        }

        /** {@return a browser-based registration with the provider} */
        public static Oidc provider(String provider) {
            return new Oidc(provider, Optional.empty(), Optional.empty(), Optional.empty());
        }

        /** {@return a native registration with an id token from the provider's SDK} */
        public static Oidc idToken(String provider, Secret idToken, String nonce) {
            return new Oidc(provider, Optional.empty(), Optional.of(idToken), Optional.ofNullable(nonce));
        }

        @Override
        public String method() {
            return "oidc";
        }
    }

    /**
     * {@code passkey}: traits and the WebAuthn attestation a platform authenticator produced for
     * the flow's {@code passkey_create_data}.
     *
     * @param traits           the identity traits
     * @param registrationJson the {@code passkey_register} value
     */
    record Passkey(@NotNull Traits traits, @NotBlank String registrationJson) implements RegistrationMethod {
        /** {@return a registration with the platform's {@code RegistrationResponseJSON}, already validated} */
        public static Passkey of(Traits traits, io.kratosflows.passkey.PasskeyRegistration registration) {
            return new Passkey(traits, registration.json());
        }

        @Override
        public String method() {
            return "passkey";
        }
    }

    /**
     * {@code profile}: the first step of two-step ({@code profile_first}) registration — send the
     * traits, then choose a credential — or going back from credential selection to the traits.
     *
     * @param traits the identity traits
     * @param back   whether to go back to the profile form ({@code screen=previous})
     */
    record Profile(@NotNull Traits traits, boolean back) implements RegistrationMethod {
        /** {@return the profile step: send the traits} */
        public static Profile submit(Traits traits) {
            return new Profile(traits, false);
        }

        /** {@return go back from credential selection to the traits form} */
        public static Profile back(Traits traits) {
            return new Profile(traits, true);
        }

        @Override
        public String method() {
            return "profile";
        }
    }
}
