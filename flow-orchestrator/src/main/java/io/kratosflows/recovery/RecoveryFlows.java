package io.kratosflows.recovery;

import io.kratosflows.FlowId;

/** Native account recovery by code. Thread-safe. Obtain from {@code Kratos.recovery()}. */
public interface RecoveryFlows {

    /** Starts a recovery ({@code GET /self-service/recovery/api}, generated {@code createNativeRecoveryFlow}). */
    RecoveryFlow start();

    /** Fetches a flow ({@code GET /self-service/recovery/flows?id=}, generated {@code getRecoveryFlow}). */
    RecoveryFlow fetch(FlowId id);

    /**
     * Submits ({@code POST /self-service/recovery?flow=}, generated {@code updateRecoveryFlow}).
     *
     * @throws io.kratosflows.error.InvalidInputException when the method is invalid; nothing is sent
     */
    RecoveryOutcome submit(RecoveryFlow flow, RecoveryMethod method);

    /** Continues after {@link RecoveryOutcome.FlowExpired}: fetches the new flow when named, otherwise starts one. */
    RecoveryFlow restart(RecoveryOutcome.FlowExpired expired);

    /** Continues after too many code attempts: fetches the new flow Kratos named, otherwise starts one. */
    RecoveryFlow restart(RecoveryOutcome.TooManyAttempts tooMany);
}
