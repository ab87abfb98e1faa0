package io.kratosflows.login;

import io.kratosflows.Aal;
import io.kratosflows.FlowId;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.ui.NodeAttributes;
import io.kratosflows.ui.Ui;
import io.kratosflows.ui.UiNode;
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
 * @param requestUrl               the URL the flow was started with, query included ({@code request_url}), when sent
 * @param active                   the method being used ({@code password}, {@code code}, ...): absent until a method is submitted
 */
public record LoginFlow(FlowId id, String type, Optional<String> state, boolean refresh, Aal requestedAal,
                        Optional<Instant> expiresAt, Optional<Instant> issuedAt, Ui ui, Optional<String> returnTo,
                        Optional<Secret> sessionTokenExchangeCode, Optional<SessionToken> sessionToken,
                        Optional<String> requestUrl, Optional<String> active) {

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
        Objects.requireNonNull(requestUrl, "requestUrl == null");
        Objects.requireNonNull(active, "active == null");
    }

    /** A flow without {@code request_url} and {@code active} (the shape before those were read). */
    public LoginFlow(FlowId id, String type, Optional<String> state, boolean refresh, Aal requestedAal,
                     Optional<Instant> expiresAt, Optional<Instant> issuedAt, Ui ui, Optional<String> returnTo,
                     Optional<Secret> sessionTokenExchangeCode, Optional<SessionToken> sessionToken) {
        this(id, type, state, refresh, requestedAal, expiresAt, issuedAt, ui, returnTo, sessionTokenExchangeCode,
                sessionToken, Optional.empty(), Optional.empty());
    }

    /** {@return the method groups this flow offers, e.g. {@code [password, code, totp]}} */
    public java.util.List<String> methods() {
        return ui.groups();
    }

    /**
     * {@return the addresses a one-time code can be sent to as a second factor} The values of the
     * flow's {@code address} buttons (group {@code code}); pass one to {@link LoginMethod.Code#sendTo}.
     * Empty when the flow offers none, e.g. when Kratos already sent the code to the only address.
     */
    public java.util.List<String> codeAddresses() {
        return ui.nodes("code").stream().map(UiNode::input).flatMap(Optional::stream)
                .filter(input -> input.name().equals("address")).map(NodeAttributes.Input::value).flatMap(Optional::stream)
                .map(String::valueOf).toList();
    }
}
