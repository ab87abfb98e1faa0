package io.kratosflows.registration;

import java.util.Objects;
import java.util.Optional;

/**
 * How to start a registration flow: the query parameters of {@code GET /self-service/registration/api}.
 *
 * @param returnSessionTokenExchangeCode ask for an init code for a later token exchange
 * @param returnTo                       {@code return_to}
 * @param organization                   {@code organization}
 * @param identitySchema                 {@code identity_schema}
 */
public record RegistrationOptions(boolean returnSessionTokenExchangeCode, Optional<String> returnTo,
                                  Optional<String> organization, Optional<String> identitySchema) {

    /** Requires every component. */
    public RegistrationOptions {
        Objects.requireNonNull(returnTo, "returnTo == null");
        Objects.requireNonNull(organization, "organization == null");
        Objects.requireNonNull(identitySchema, "identitySchema == null");
    }

    /** {@return no options} */
    public static RegistrationOptions defaults() {
        return new RegistrationOptions(false, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** {@return a copy asking for a session token exchange code} */
    public RegistrationOptions withSessionTokenExchangeCode() {
        return new RegistrationOptions(true, returnTo, organization, identitySchema);
    }

    /** {@return a copy with {@code return_to}} */
    public RegistrationOptions withReturnTo(String returnTo) {
        return new RegistrationOptions(returnSessionTokenExchangeCode, Optional.of(returnTo), organization, identitySchema);
    }

    /** {@return a copy with {@code identity_schema}} */
    public RegistrationOptions withIdentitySchema(String identitySchema) {
        return new RegistrationOptions(returnSessionTokenExchangeCode, returnTo, organization, Optional.of(identitySchema));
    }

    /** {@return a copy with {@code organization}} */
    public RegistrationOptions withOrganization(String organization) {
        return new RegistrationOptions(returnSessionTokenExchangeCode, returnTo, Optional.of(organization), identitySchema);
    }
}
