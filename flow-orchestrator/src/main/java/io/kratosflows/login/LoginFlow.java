package io.kratosflows.login;

import io.kratosflows.Aal;
import io.kratosflows.FlowId;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.ui.Ui;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A login flow ({@code loginFlow}) as Kratos returned it, plus the session token the client
 * started it with (for refresh and second-factor flows), which {@link LoginFlows#submit} sends again.
 * Kratos reference: {@code GET /self-service/login/api}, {@code GET /self-service/login/flows?id=}.
 *
 * @param id                       the flow id
 * @param type                     {@code api} for native flows
 * @param state                    the flow state when Kratos sends one (e.g. {@code choose_method}, {@code sent_email})
 * @param refresh                  whether this is a re-authentication of an existing session
 * @param requestedAal             the assurance level this flow raises the session to
 * @param expiresAt                when the flow expires
 * @param issuedAt                 when it was issued
 * @param ui                       the form: nodes and messages
 * @param returnTo                 the return URL, when one was given
 * @param sessionTokenExchangeCode the init code for a later token exchange (OIDC via browser), when asked for
 * @param sessionToken             the session token the flow was started with, when any
 */
public record LoginFlow(FlowId id, String type, Optional<String> state, boolean refresh, Aal requestedAal,
                        Optional<Instant> expiresAt, Optional<Instant> issuedAt, Ui ui, Optional<String> returnTo,
                        Optional<Secret> sessionTokenExchangeCode, Optional<SessionToken> sessionToken) {

    /** Requires every component. */
    public LoginFlow {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(state, "state == null");
        Objects.requireNonNull(requestedAal, "requestedAal == null");
        Objects.requireNonNull(expiresAt, "expiresAt == null");
        Objects.requireNonNull(issuedAt, "issuedAt == null");
        Objects.requireNonNull(ui, "ui == null");
        Objects.requireNonNull(returnTo, "returnTo == null");
        Objects.requireNonNull(sessionTokenExchangeCode, "sessionTokenExchangeCode == null");
        Objects.requireNonNull(sessionToken, "sessionToken == null");
    }

    /** {@return the method groups this flow offers, e.g. {@code [password, code, totp]}} */
    public java.util.List<String> methods() {
        return ui.groups();
    }
}
