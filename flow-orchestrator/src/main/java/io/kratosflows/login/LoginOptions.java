package io.kratosflows.login;

import io.kratosflows.Aal;
import io.kratosflows.SessionToken;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start a login flow: the query parameters of {@code GET /self-service/login/api} and the
 * session token for re-authentication or a second factor. Immutable; start from
 * {@link #defaults()}, {@link #refresh(SessionToken)} or {@link #secondFactor(SessionToken)}.
 *
 * @param refresh                         {@code refresh=true}: re-authenticate an existing session
 * @param aal                             {@code aal=...}: the assurance level to reach
 * @param sessionToken                    the current session (sent as {@code X-Session-Token})
 * @param returnSessionTokenExchangeCode  ask for an init code for a later token exchange
 * @param returnTo                        {@code return_to}
 * @param via                             {@code via}: the identifier trait for code login (e.g. {@code email})
 * @param organization                    {@code organization}
 * @param identitySchema                  {@code identity_schema}
 */
public record LoginOptions(boolean refresh, Optional<Aal> aal, Optional<SessionToken> sessionToken,
                           boolean returnSessionTokenExchangeCode, Optional<String> returnTo, Optional<String> via,
                           Optional<String> organization, Optional<String> identitySchema) {

    /** Requires every component. */
    public LoginOptions {
        Objects.requireNonNull(aal, "aal == null");
        Objects.requireNonNull(sessionToken, "sessionToken == null");
        Objects.requireNonNull(returnTo, "returnTo == null");
        Objects.requireNonNull(via, "via == null");
        Objects.requireNonNull(organization, "organization == null");
        Objects.requireNonNull(identitySchema, "identitySchema == null");
    }

    /** {@return a plain first-factor login} */
    public static LoginOptions defaults() {
        return new LoginOptions(false, Optional.empty(), Optional.empty(), false, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** {@return a re-authentication of the session behind the token ({@code refresh=true})} */
    public static LoginOptions refresh(SessionToken token) {
        return defaults().withRefresh(true).withSessionToken(token);
    }

    /** {@return a second-factor login for the session behind the token ({@code aal=aal2})} */
    public static LoginOptions secondFactor(SessionToken token) {
        return defaults().withAal(Aal.AAL2).withSessionToken(token);
    }

    /** {@return a copy with {@code refresh} set} */
    public LoginOptions withRefresh(boolean refresh) {
        return new LoginOptions(refresh, aal, sessionToken, returnSessionTokenExchangeCode, returnTo, via, organization, identitySchema);
    }

    /** {@return a copy asking for this assurance level} */
    public LoginOptions withAal(Aal aal) {
        return new LoginOptions(refresh, Optional.of(aal), sessionToken, returnSessionTokenExchangeCode, returnTo, via, organization, identitySchema);
    }

    /** {@return a copy sending this session token} */
    public LoginOptions withSessionToken(SessionToken token) {
        return new LoginOptions(refresh, aal, Optional.of(token), returnSessionTokenExchangeCode, returnTo, via, organization, identitySchema);
    }

    /** {@return a copy asking for a session token exchange code} */
    public LoginOptions withSessionTokenExchangeCode() {
        return new LoginOptions(refresh, aal, sessionToken, true, returnTo, via, organization, identitySchema);
    }

    /** {@return a copy with {@code return_to}} */
    public LoginOptions withReturnTo(String returnTo) {
        return new LoginOptions(refresh, aal, sessionToken, returnSessionTokenExchangeCode, Optional.of(returnTo), via, organization, identitySchema);
    }

    /** {@return a copy with {@code via}} */
    public LoginOptions withVia(String via) {
        return new LoginOptions(refresh, aal, sessionToken, returnSessionTokenExchangeCode, returnTo, Optional.of(via), organization, identitySchema);
    }

    /** {@return a copy with {@code organization}} */
    public LoginOptions withOrganization(String organization) {
        return new LoginOptions(refresh, aal, sessionToken, returnSessionTokenExchangeCode, returnTo, via, Optional.of(organization), identitySchema);
    }

    /** {@return a copy with {@code identity_schema}} */
    public LoginOptions withIdentitySchema(String identitySchema) {
        return new LoginOptions(refresh, aal, sessionToken, returnSessionTokenExchangeCode, returnTo, via, organization, Optional.of(identitySchema));
    }
}
