package io.kratosflows.registration;

import io.kratosflows.TransientPayload;
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

    /**
     * Starts a registration with options.
     *
     * @throws io.kratosflows.error.KratosErrorException HTTP 400 {@code session_already_available} when
     *         {@link RegistrationOptions#sessionToken()} belongs to an active session
     */
    RegistrationFlow start(RegistrationOptions options);

    /** Fetches a flow by id ({@code GET /self-service/registration/flows?id=}, generated {@code getRegistrationFlow}). */
    RegistrationFlow fetch(FlowId id);

    /**
     * Submits one method ({@code POST /self-service/registration?flow=}, generated {@code updateRegistrationFlow}).
     *
     * @throws io.kratosflows.error.InvalidInputException when the method is invalid; nothing is sent
     */
    RegistrationOutcome submit(RegistrationFlow flow, RegistrationMethod method);

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
    default RegistrationOutcome submit(RegistrationFlow flow, RegistrationMethod method, TransientPayload payload) {
        throw new UnsupportedOperationException("submit with a transient payload");
    }

    /** Continues after an expiry: fetches the replacement flow when named, otherwise starts a new one. */
    RegistrationFlow restart(RegistrationOutcome.FlowExpired expired);

    /** Continues after too many code attempts: starts a new flow, so that a new code can be sent. */
    RegistrationFlow restart(RegistrationOutcome.TooManyAttempts tooMany);
}
