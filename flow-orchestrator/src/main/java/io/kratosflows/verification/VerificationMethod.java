package io.kratosflows.verification;

import static io.kratosflows.validation.Constraints.NOT_BLANK;

import io.kratosflows.Secret;
import io.kratosflows.validation.NotBlankSecret;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Objects;
import java.util.Optional;

/** What a verification submission sends ({@code updateVerificationFlowBody}). Native apps verify by code. */
public sealed interface VerificationMethod {

    /** {@return the Kratos method name} */
    String method();

    /**
     * {@code code}: send a code to an address ({@link #request}; again to {@link #resend}), then
     * submit it ({@link #submit}).
     *
     * @param email the address, to send a code
     * @param code  the code, to verify
     */
    record Code(@NotNull Optional<@Pattern(regexp = NOT_BLANK, message = "must not be blank") @Email String> email, @NotNull Optional<@NotBlankSecret Secret> code)
            implements VerificationMethod {
        /** Requires exactly one of email and code. */
        public Code {
            Objects.requireNonNull(email, "email == null");
            Objects.requireNonNull(code, "code == null");
            if (email.isPresent() == code.isPresent()) {
                throw new IllegalArgumentException("verification by code takes either an address (to send a code) or a code");
            }
        }

        /** {@return send a verification code to the address} */
        public static Code request(String email) {
            return new Code(Optional.ofNullable(email), Optional.empty());
        }

        /** {@return send a new code to the address (the previous one stops working)} */
        public static Code resend(String email) {
            return request(email);
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
