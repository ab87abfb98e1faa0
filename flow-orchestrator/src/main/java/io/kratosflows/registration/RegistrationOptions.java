package io.kratosflows.registration;

import io.kratosflows.SessionToken;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start a registration flow: the query parameters of {@code GET /self-service/registration/api}
 * and, to learn whether a token still signs someone in, a session token.
 *
 * @param returnSessionTokenExchangeCode ask for an init code for a later token exchange
 * @param returnTo                       {@code return_to}
 * @param organization                   {@code organization}
 * @param identitySchema                 {@code identity_schema}
 * @param sessionToken                   a session token sent as {@code X-Session-Token}: when it belongs to an
 *                                       active session Kratos refuses to start (HTTP 400
 *                                       {@code session_already_available}, a {@code KratosErrorException})
 */
public record RegistrationOptions(boolean returnSessionTokenExchangeCode, Optional<String> returnTo,
                                  Optional<String> organization, Optional<String> identitySchema,
                                  Optional<SessionToken> sessionToken) {

    /** Requires every component. */
    public RegistrationOptions {
        Objects.requireNonNull(returnTo, "returnTo == null");
        Objects.requireNonNull(organization, "organization == null");
        Objects.requireNonNull(identitySchema, "identitySchema == null");
        Objects.requireNonNull(sessionToken, "sessionToken == null");
    }

    /** Options without a session token (the shape before it could be sent). */
    public RegistrationOptions(boolean returnSessionTokenExchangeCode, Optional<String> returnTo,
                               Optional<String> organization, Optional<String> identitySchema) {
        this(returnSessionTokenExchangeCode, returnTo, organization, identitySchema, Optional.empty());
    }

    /** {@return no options} */
    public static RegistrationOptions defaults() {
        return new RegistrationOptions(false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** {@return a copy asking for a session token exchange code} */
    public RegistrationOptions withSessionTokenExchangeCode() {
        return new RegistrationOptions(true, returnTo, organization, identitySchema, sessionToken);
    }

    /** {@return a copy with {@code return_to}} */
    public RegistrationOptions withReturnTo(String returnTo) {
        return new RegistrationOptions(returnSessionTokenExchangeCode, Optional.of(returnTo), organization, identitySchema, sessionToken);
    }

    /** {@return a copy with {@code identity_schema}} */
    public RegistrationOptions withIdentitySchema(String identitySchema) {
        return new RegistrationOptions(returnSessionTokenExchangeCode, returnTo, organization, Optional.of(identitySchema), sessionToken);
    }

    /** {@return a copy with {@code organization}} */
    public RegistrationOptions withOrganization(String organization) {
        return new RegistrationOptions(returnSessionTokenExchangeCode, returnTo, Optional.of(organization), identitySchema, sessionToken);
    }

    /**
     * {@return a copy sending this session token} Starting then fails with
     * {@code KratosErrorException} {@code session_already_available} (HTTP 400) while the token signs
     * someone in, and starts a flow as usual once it no longer does (expired, revoked, unknown).
     */
    public RegistrationOptions withSessionToken(SessionToken token) {
        return new RegistrationOptions(returnSessionTokenExchangeCode, returnTo, organization, identitySchema,
                Optional.of(Objects.requireNonNull(token, "token == null")));
    }
}
