package io.kratosflows.verification;

import io.kratosflows.FlowId;

/** Native address verification by code. Thread-safe. Obtain from {@code Kratos.verification()}. */
public interface VerificationFlows {

    /** Starts a verification ({@code GET /self-service/verification/api}, generated {@code createNativeVerificationFlow}). */
    VerificationFlow start();

    /**
     * Fetches a flow ({@code GET /self-service/verification/flows?id=}, generated {@code getVerificationFlow}),
     * e.g. the one a registration's {@code continue_with} named.
     */
    VerificationFlow fetch(FlowId id);

    /**
     * Submits ({@code POST /self-service/verification?flow=}, generated {@code updateVerificationFlow}).
     *
     * @throws io.kratosflows.error.InvalidInputException when the method is invalid; nothing is sent
     */
    VerificationOutcome submit(VerificationFlow flow, VerificationMethod method);

    /** Continues after an expiry: fetches the new flow when named, otherwise starts one. */
    VerificationFlow restart(VerificationOutcome.FlowExpired expired);

    /** Continues after too many code attempts: fetches the new flow Kratos named, otherwise starts one. */
    VerificationFlow restart(VerificationOutcome.TooManyAttempts tooMany);
}
