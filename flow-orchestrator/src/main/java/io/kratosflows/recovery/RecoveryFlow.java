package io.kratosflows.recovery;

import io.kratosflows.ContinueWith;
import io.kratosflows.FlowId;
import io.kratosflows.ui.Ui;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An account recovery flow ({@code recoveryFlow}). Kratos reference: {@code GET /self-service/recovery/api},
 * {@code GET /self-service/recovery/flows?id=}.
 *
 * @param id           the flow id
 * @param type         {@code api} for native flows
 * @param state        {@code choose_method}, {@code sent_email} or {@code passed_challenge}
 * @param expiresAt    when the flow expires
 * @param issuedAt     when it was issued
 * @param ui           the form and messages
 * @param continueWith further steps (session token and settings flow after success)
 * @param returnTo     the return URL, when one was given
 * @param requestUrl   the URL the flow was started with, query included ({@code request_url}), when sent
 * @param active       the method being used ({@code code} from the start)
 */
public record RecoveryFlow(FlowId id, String type, Optional<String> state, Optional<Instant> expiresAt,
                           Optional<Instant> issuedAt, Ui ui, List<ContinueWith> continueWith,
                           Optional<String> returnTo, Optional<String> requestUrl, Optional<String> active) {

    /** Requires every component; copies the list. */
    public RecoveryFlow {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(state, "state == null");
        Objects.requireNonNull(expiresAt, "expiresAt == null");
        Objects.requireNonNull(issuedAt, "issuedAt == null");
        Objects.requireNonNull(ui, "ui == null");
        continueWith = List.copyOf(continueWith);
        Objects.requireNonNull(returnTo, "returnTo == null");
        Objects.requireNonNull(requestUrl, "requestUrl == null");
        Objects.requireNonNull(active, "active == null");
    }

    /** A flow without {@code request_url} and {@code active} (the shape before those were read). */
    public RecoveryFlow(FlowId id, String type, Optional<String> state, Optional<Instant> expiresAt,
                        Optional<Instant> issuedAt, Ui ui, List<ContinueWith> continueWith, Optional<String> returnTo) {
        this(id, type, state, expiresAt, issuedAt, ui, continueWith, returnTo, Optional.empty(), Optional.empty());
    }
}
