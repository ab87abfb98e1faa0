package io.kratosflows.login;

import io.kratosflows.FlowId;
import io.kratosflows.SessionToken;

/**
 * Native login flows. Thread-safe. Obtain from {@code Kratos.login()}.
 *
 * <pre>{@code
 * LoginFlow flow = kratos.login().start();
 * LoginOutcome out = kratos.login().submit(flow, new LoginMethod.Password("ada@example.org", Secret.of(pw)));
 * }</pre>
 */
public interface LoginFlows {

    /**
     * Starts a first-factor login ({@code GET /self-service/login/api}, generated {@code createNativeLoginFlow}).
     *
     * @throws io.kratosflows.error.KratosErrorException e.g. {@code session_already_available}
     */
    default LoginFlow start() {
        return start(LoginOptions.defaults());
    }

    /** Starts a login with options: refresh, second factor, return_to, ... */
    LoginFlow start(LoginOptions options);

    /** Fetches a flow by id ({@code GET /self-service/login/flows?id=}, generated {@code getLoginFlow}). */
    LoginFlow fetch(FlowId id);

    /**
     * Fetches a flow started with a session token (refresh or second factor); the returned flow
     * carries the token so that {@link #submit} sends it again.
     */
    LoginFlow fetch(FlowId id, SessionToken token);

    /**
     * Submits one method ({@code POST /self-service/login?flow=}, generated {@code updateLoginFlow}),
     * validating it first; sends the flow's session token when it was started with one.
     *
     * @throws io.kratosflows.error.InvalidInputException when the method is invalid; nothing is sent
     */
    LoginOutcome submit(LoginFlow flow, LoginMethod method);

    /**
     * Continues after an expiry in one call: fetches the replacement flow when Kratos named one,
     * otherwise starts a new flow with the default options.
     */
    LoginFlow restart(LoginOutcome.FlowExpired expired);

    /**
     * Continues after an expiry of a flow started with a session token (refresh or second factor):
     * the replacement flow, or a new one started with {@code options}, carries the token again.
     */
    LoginFlow restart(LoginOutcome.FlowExpired expired, LoginOptions options);

    /**
     * Continues after too many code attempts: starts a new flow like the dead one (refresh, assurance
     * level and session token kept), so that a new code can be sent.
     */
    LoginFlow restart(LoginOutcome.TooManyAttempts tooMany);
}
