package io.kratosflows.settings;

import static io.kratosflows.validation.Constraints.NOT_BLANK;

import io.kratosflows.Secret;
import io.kratosflows.Traits;
import io.kratosflows.validation.NotBlankSecret;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Objects;
import java.util.Optional;

/**
 * What a settings submission sends: one variant per Kratos settings method
 * ({@code updateSettingsFlowBody} by {@code method}), each sending only the pressed action.
 */
public sealed interface SettingsMethod {

    /** {@return the Kratos method name} */
    String method();

    /**
     * {@code profile}: replace the traits.
     *
     * @param traits the new traits (all of them; Kratos replaces the object)
     */
    record Profile(@NotNull Traits traits) implements SettingsMethod {
        @Override
        public String method() {
            return "profile";
        }
    }

    /**
     * {@code password}: set a new password.
     *
     * @param password the new password
     */
    record Password(@NotNull @NotBlankSecret Secret password) implements SettingsMethod {
        @Override
        public String method() {
            return "password";
        }
    }

    /**
     * {@code totp}: link an authenticator app by confirming a code for the flow's secret, or unlink it.
     *
     * @param code   the code from the app, to link
     * @param unlink whether to unlink
     */
    record Totp(@NotNull Optional<@NotBlankSecret Secret> code, boolean unlink) implements SettingsMethod {
        /** Requires the optional holder; exactly one of code and unlink. */
        public Totp {
            Objects.requireNonNull(code, "code == null");
            if (code.isPresent() == unlink) {
                throw new IllegalArgumentException("TOTP settings take either a code to link or unlink, not both or neither");
            }
        }

        /** {@return link the app that shows this code} */
        public static Totp link(Secret code) {
            return new Totp(Optional.of(code), false);
        }

        /** {@return unlink the authenticator app} */
        public static Totp unlinkApp() {
            return new Totp(Optional.empty(), true);
        }

        @Override
        public String method() {
            return "totp";
        }
    }

    /**
     * {@code lookup_secret}: manage backup codes; sends only the pressed action.
     *
     * @param action the action
     */
    record LookupSecret(@NotNull Action action) implements SettingsMethod {

        /** The buttons Kratos offers for backup codes. */
        public enum Action {
            /** Show the current codes ({@code lookup_secret_reveal}, message 1050007). */
            REVEAL,
            /** Create new codes ({@code lookup_secret_regenerate}, 1050008). */
            REGENERATE,
            /** Confirm that new codes were saved ({@code lookup_secret_confirm}, 1050011). */
            CONFIRM,
            /** Disable backup codes ({@code lookup_secret_disable}, 1050016). */
            DISABLE
        }

        /** {@return show the stored codes; answered {@code LookupSecretsShown}} */
        public static LookupSecret reveal() {
            return new LookupSecret(Action.REVEAL);
        }

        /** {@return create new codes; answered {@code LookupSecretsShown}, stored only after {@link #confirm()}} */
        public static LookupSecret regenerate() {
            return new LookupSecret(Action.REGENERATE);
        }

        /** {@return store the codes just generated} */
        public static LookupSecret confirm() {
            return new LookupSecret(Action.CONFIRM);
        }

        /** {@return remove backup codes} */
        public static LookupSecret disable() {
            return new LookupSecret(Action.DISABLE);
        }

        @Override
        public String method() {
            return "lookup_secret";
        }
    }

    /**
     * {@code passkey}: add a passkey (the attestation JSON for the flow's {@code passkey_create_data})
     * or remove one by its credential id.
     *
     * @param register the {@code passkey_settings_register} value, to add
     * @param remove   the credential id, to remove
     */
    record Passkey(@NotNull Optional<@Pattern(regexp = NOT_BLANK, message = "must not be blank") String> register, @NotNull Optional<@Pattern(regexp = NOT_BLANK, message = "must not be blank") String> remove) implements SettingsMethod {
        /** Requires exactly one of register and remove. */
        public Passkey {
            Objects.requireNonNull(register, "register == null");
            Objects.requireNonNull(remove, "remove == null");
            if (register.isPresent() == remove.isPresent()) {
                throw new IllegalArgumentException("passkey settings take either a registration or a removal");
            }
        }

        /** {@return add a passkey} */
        public static Passkey add(String registrationJson) {
            return new Passkey(Optional.of(registrationJson), Optional.empty());
        }

        /** {@return remove a passkey} */
        public static Passkey remove(String credentialId) {
            return new Passkey(Optional.empty(), Optional.of(credentialId));
        }

        /** {@return add the passkey the platform created ({@code RegistrationResponseJSON}, already validated)} */
        public static Passkey add(io.kratosflows.passkey.PasskeyRegistration registration) {
            return add(registration.json());
        }

        /** {@return remove a passkey the settings flow lists} */
        public static Passkey remove(io.kratosflows.passkey.RegisteredPasskey passkey) {
            return remove(passkey.id());
        }

        @Override
        public String method() {
            return "passkey";
        }
    }

    /**
     * {@code oidc}: link a social provider (browser hand-over) or unlink one.
     *
     * @param provider the provider id
     * @param unlink   whether to unlink
     */
    record Oidc(@NotBlank String provider, boolean unlink) implements SettingsMethod {
        /** {@return link the provider} */
        public static Oidc link(String provider) {
            return new Oidc(provider, false);
        }

        /** {@return unlink the provider} */
        public static Oidc unlink(String provider) {
            return new Oidc(provider, true);
        }

        @Override
        public String method() {
            return "oidc";
        }
    }
}
