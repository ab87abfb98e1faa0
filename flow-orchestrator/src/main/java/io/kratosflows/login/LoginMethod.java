package io.kratosflows.login;

import io.kratosflows.Secret;
import io.kratosflows.validation.NotBlankSecret;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Objects;
import java.util.Optional;

/**
 * What a login submission sends: one variant per Kratos login method ({@code updateLoginFlowBody}
 * by {@code method}). Each is validated before anything is sent, and sends exactly its own fields.
 */
public sealed interface LoginMethod {

    /** {@return the Kratos method name, e.g. {@code password}} */
    String method();

    /**
     * {@code password}: identifier (e.g. email) and password.
     *
     * @param identifier the identifier
     * @param password   the password
     */
    record Password(@NotBlank String identifier, @NotNull @NotBlankSecret Secret password) implements LoginMethod {
        @Override
        public String method() {
            return "password";
        }
    }

    /**
     * {@code code}: one-time code by email or SMS. Step one requests the code ({@link #request});
     * step two submits it ({@link #submit}); {@link #resend} asks for a new one.
     *
     * @param identifier the identifier the code goes to
     * @param code       the code received, for step two
     * @param resend     whether to ask for a new code
     */
    record Code(@NotBlank String identifier, @NotNull Optional<@NotBlankSecret Secret> code, boolean resend) implements LoginMethod {
        /** Requires the optional code holder. */
        public Code {
            Objects.requireNonNull(code, "code == null");
        }

        /** {@return step one: send a code to the identifier} */
        public static Code request(String identifier) {
            return new Code(identifier, Optional.empty(), false);
        }

        /** {@return step two: submit the received code} */
        public static Code submit(String identifier, Secret code) {
            return new Code(identifier, Optional.of(code), false);
        }

        /** {@return ask Kratos to send a new code} */
        public static Code resend(String identifier) {
            return new Code(identifier, Optional.empty(), true);
        }

        @Override
        public String method() {
            return "code";
        }
    }

    /**
     * {@code oidc}: sign in with a social or enterprise provider. Without an id token Kratos answers
     * with a browser hand-over; with one (native Apple/Google sign-in) it completes directly.
     *
     * @param provider     the provider id configured in Kratos, e.g. {@code google}
     * @param idToken      an OIDC id token obtained natively
     * @param idTokenNonce the nonce used to obtain it
     */
    record Oidc(@NotBlank String provider, @NotNull Optional<@NotBlankSecret Secret> idToken,
                @NotNull Optional<String> idTokenNonce) implements LoginMethod {
        /** Requires the optional holders. */
        public Oidc {
            Objects.requireNonNull(idToken, "idToken == null");
            Objects.requireNonNull(idTokenNonce, "idTokenNonce == null");
        }

        /** {@return a browser-based sign-in with the provider} */
        public static Oidc provider(String provider) {
            return new Oidc(provider, Optional.empty(), Optional.empty());
        }

        /** {@return a native sign-in with an id token from the provider's SDK} */
        public static Oidc idToken(String provider, Secret idToken, String nonce) {
            return new Oidc(provider, Optional.of(idToken), Optional.ofNullable(nonce));
        }

        @Override
        public String method() {
            return "oidc";
        }
    }

    /**
     * {@code passkey}: the WebAuthn assertion (the JSON a platform authenticator produced for the
     * challenge in the flow's passkey nodes).
     *
     * @param assertionJson the {@code passkey_login} value
     */
    record Passkey(@NotBlank String assertionJson) implements LoginMethod {
        /** {@return a sign-in with the platform's {@code AuthenticationResponseJSON}, already validated} */
        public static Passkey of(io.kratosflows.passkey.PasskeyAssertion assertion) {
            return new Passkey(assertion.json());
        }

        @Override
        public String method() {
            return "passkey";
        }
    }

    /**
     * {@code totp}: a code from an authenticator app, as a second factor.
     *
     * @param code the 6-digit code
     */
    record Totp(@NotNull @NotBlankSecret Secret code) implements LoginMethod {
        @Override
        public String method() {
            return "totp";
        }
    }

    /**
     * {@code lookup_secret}: one of the backup (recovery) codes, as a second factor.
     *
     * @param code the backup code
     */
    record LookupSecret(@NotNull @NotBlankSecret Secret code) implements LoginMethod {
        @Override
        public String method() {
            return "lookup_secret";
        }
    }

    /**
     * {@code identifier_first}: step one of identifier-first login; Kratos answers with the methods
     * available for that identifier.
     *
     * @param identifier the identifier
     */
    record IdentifierFirst(@NotBlank String identifier) implements LoginMethod {
        @Override
        public String method() {
            return "identifier_first";
        }
    }
}
