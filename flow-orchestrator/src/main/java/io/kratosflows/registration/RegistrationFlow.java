package io.kratosflows.registration;

import io.kratosflows.FlowId;
import io.kratosflows.Secret;
import io.kratosflows.ui.Ui;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A registration flow ({@code registrationFlow}) as Kratos returned it. Kratos reference:
 * {@code GET /self-service/registration/api}, {@code GET /self-service/registration/flows?id=}.
 *
 * @param id                       the flow id
 * @param type                     {@code api} for native flows
 * @param state                    the flow state ({@code choose_method}, {@code sent_email}, ...), when sent
 * @param expiresAt                when the flow expires
 * @param issuedAt                 when it was issued
 * @param ui                       the form: nodes and messages
 * @param returnTo                 the return URL, when one was given
 * @param sessionTokenExchangeCode the init code for a later token exchange, when asked for
 * @param requestUrl               the URL the flow was started with, query included ({@code request_url}), when sent
 * @param active                   the method being used: absent until a method is submitted
 */
public record RegistrationFlow(FlowId id, String type, Optional<String> state, Optional<Instant> expiresAt,
                               Optional<Instant> issuedAt, Ui ui, Optional<String> returnTo,
                               Optional<Secret> sessionTokenExchangeCode, Optional<String> requestUrl,
                               Optional<String> active) {

    /** Requires every component. */
    public RegistrationFlow {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(state, "state == null");
        Objects.requireNonNull(expiresAt, "expiresAt == null");
        Objects.requireNonNull(issuedAt, "issuedAt == null");
        Objects.requireNonNull(ui, "ui == null");
        Objects.requireNonNull(returnTo, "returnTo == null");
        Objects.requireNonNull(sessionTokenExchangeCode, "sessionTokenExchangeCode == null");
        Objects.requireNonNull(requestUrl, "requestUrl == null");
        Objects.requireNonNull(active, "active == null");
    }

    /** A flow without {@code request_url} and {@code active} (the shape before those were read). */
    public RegistrationFlow(FlowId id, String type, Optional<String> state, Optional<Instant> expiresAt,
                            Optional<Instant> issuedAt, Ui ui, Optional<String> returnTo,
                            Optional<Secret> sessionTokenExchangeCode) {
        this(id, type, state, expiresAt, issuedAt, ui, returnTo, sessionTokenExchangeCode, Optional.empty(),
                Optional.empty());
    }

    /** {@return the method groups this flow offers, e.g. {@code [password, code, oidc, profile]}} */
    public List<String> methods() {
        return ui.groups();
    }
}
