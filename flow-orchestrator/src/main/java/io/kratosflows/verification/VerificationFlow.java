package io.kratosflows.verification;

import io.kratosflows.FlowId;
import io.kratosflows.ui.Ui;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An address verification flow ({@code verificationFlow}). Kratos reference:
 * {@code GET /self-service/verification/api}, {@code GET /self-service/verification/flows?id=}.
 *
 * @param id         the flow id
 * @param type       {@code api} for native flows
 * @param state      {@code choose_method}, {@code sent_email} or {@code passed_challenge}
 * @param expiresAt  when the flow expires
 * @param issuedAt   when it was issued
 * @param ui         the form and messages
 * @param returnTo   the return URL, when one was given
 * @param requestUrl the URL the flow was started with, query included ({@code request_url}), when sent
 * @param active     the method being used ({@code code} from the start)
 */
public record VerificationFlow(FlowId id, String type, Optional<String> state, Optional<Instant> expiresAt,
                               Optional<Instant> issuedAt, Ui ui, Optional<String> returnTo,
                               Optional<String> requestUrl, Optional<String> active) {

    /** Requires every component. */
    public VerificationFlow {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(state, "state == null");
        Objects.requireNonNull(expiresAt, "expiresAt == null");
        Objects.requireNonNull(issuedAt, "issuedAt == null");
        Objects.requireNonNull(ui, "ui == null");
        Objects.requireNonNull(returnTo, "returnTo == null");
        Objects.requireNonNull(requestUrl, "requestUrl == null");
        Objects.requireNonNull(active, "active == null");
    }

    /** A flow without {@code request_url} and {@code active} (the shape before those were read). */
    public VerificationFlow(FlowId id, String type, Optional<String> state, Optional<Instant> expiresAt,
                            Optional<Instant> issuedAt, Ui ui, Optional<String> returnTo) {
        this(id, type, state, expiresAt, issuedAt, ui, returnTo, Optional.empty(), Optional.empty());
    }
}
