package io.kratosflows.recovery;

import io.kratosflows.TransientPayload;
import io.kratosflows.FlowId;
import io.kratosflows.SessionToken;

/** Native account recovery by code. Thread-safe. Obtain from {@code Kratos.recovery()}. */
public interface RecoveryFlows {

    /** Starts a recovery ({@code GET /self-service/recovery/api}, generated {@code createNativeRecoveryFlow}). */
    RecoveryFlow start();

    /**
     * Starts a recovery sending a session token ({@code X-Session-Token}), to learn whether it still
     * signs someone in: Kratos refuses to recover a signed-in user.
     *
     * @throws io.kratosflows.error.KratosErrorException HTTP 400 {@code session_already_available}
     *         when the token belongs to an active session; with any other token a flow starts as usual
     * @apiNote Added after the first release: the default throws {@link UnsupportedOperationException}
     *          so that test doubles implementing this interface keep compiling.
     */
    default RecoveryFlow start(SessionToken token) {
        throw new UnsupportedOperationException("start recovery with a session token");
    }

    /** Fetches a flow ({@code GET /self-service/recovery/flows?id=}, generated {@code getRecoveryFlow}). */
    RecoveryFlow fetch(FlowId id);

    /**
     * Submits ({@code POST /self-service/recovery?flow=}, generated {@code updateRecoveryFlow}).
     *
     * @throws io.kratosflows.error.InvalidInputException when the method is invalid; nothing is sent
     */
    RecoveryOutcome submit(RecoveryFlow flow, RecoveryMethod method);

    /**
     * Submits one method with a transient payload ({@code transient_payload}): data Kratos passes to
     * its webhooks and mail templates for this submission and does not store.
     *
     * @throws io.kratosflows.error.InvalidInputException when the method is invalid, or when the spec
     *         this client was generated from has no {@code transient_payload} for the method
     *         ({@code lookup_secret} and {@code passkey} logins, passkey settings); nothing is sent
     * @apiNote Added after the first release: the default throws {@link UnsupportedOperationException}
     *          so that test doubles implementing this interface keep compiling.
     */
    default RecoveryOutcome submit(RecoveryFlow flow, RecoveryMethod method, TransientPayload payload) {
        throw new UnsupportedOperationException("submit with a transient payload");
    }

    /** Continues after {@link RecoveryOutcome.FlowExpired}: fetches the new flow when named, otherwise starts one. */
    RecoveryFlow restart(RecoveryOutcome.FlowExpired expired);

    /** Continues after too many code attempts: fetches the new flow Kratos named, otherwise starts one. */
    RecoveryFlow restart(RecoveryOutcome.TooManyAttempts tooMany);
}
