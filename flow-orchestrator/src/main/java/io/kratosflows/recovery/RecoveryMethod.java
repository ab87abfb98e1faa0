package io.kratosflows.recovery;

import static io.kratosflows.validation.Constraints.NOT_BLANK;

import io.kratosflows.Secret;
import io.kratosflows.validation.NotBlankSecret;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Objects;
import java.util.Optional;

/**
 * What a recovery submission sends ({@code updateRecoveryFlowBody}). Native apps recover by code:
 * the {@code link} method needs a browser.
 */
public sealed interface RecoveryMethod {

    /** {@return the Kratos method name} */
    String method();

    /**
     * {@code code}: step one sends a code to an address ({@link #request}, also to resend);
     * step two submits it ({@link #submit}).
     *
     * @param email the address, for step one
     * @param code  the code, for step two
     */
    record Code(@NotNull Optional<@Pattern(regexp = NOT_BLANK, message = "must not be blank") @Email String> email, @NotNull Optional<@NotBlankSecret Secret> code)
            implements RecoveryMethod {
        /** Requires exactly one of email and code. */
        public Code {
            Objects.requireNonNull(email, "email == null");
            Objects.requireNonNull(code, "code == null");
            if (email.isPresent() == code.isPresent()) {
                throw new IllegalArgumentException("recovery by code takes either an address (to send a code) or a code");
            }
        }

        /** {@return send (or resend) a recovery code to the address} */
        public static Code request(String email) {
            return new Code(Optional.ofNullable(email), Optional.empty());
        }

        /** {@return submit the received code} */
        public static Code submit(Secret code) {
            return new Code(Optional.empty(), Optional.ofNullable(code));
        }

        @Override
        public String method() {
            return "code";
        }
    }
}
