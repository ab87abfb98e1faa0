package io.kratosflows.registration;

import io.kratosflows.FlowId;

/**
 * Native registration flows, one-step ({@code unified}) and two-step ({@code profile_first}).
 * Thread-safe. Obtain from {@code Kratos.registration()}.
 */
public interface RegistrationFlows {

    /** Starts a registration ({@code GET /self-service/registration/api}, generated {@code createNativeRegistrationFlow}). */
    default RegistrationFlow start() {
        return start(RegistrationOptions.defaults());
    }

    /** Starts a registration with options. */
    RegistrationFlow start(RegistrationOptions options);

    /** Fetches a flow by id ({@code GET /self-service/registration/flows?id=}, generated {@code getRegistrationFlow}). */
    RegistrationFlow fetch(FlowId id);

    /**
     * Submits one method ({@code POST /self-service/registration?flow=}, generated {@code updateRegistrationFlow}).
     *
     * @throws io.kratosflows.error.InvalidInputException when the method is invalid; nothing is sent
     */
    RegistrationOutcome submit(RegistrationFlow flow, RegistrationMethod method);

    /** Continues after an expiry: fetches the replacement flow when named, otherwise starts a new one. */
    RegistrationFlow restart(RegistrationOutcome.FlowExpired expired);

    /** Continues after too many code attempts: starts a new flow, so that a new code can be sent. */
    RegistrationFlow restart(RegistrationOutcome.TooManyAttempts tooMany);
}
