package io.kratosflows.internal;

import io.kratosflows.SessionToken;
import io.kratosflows.login.LoginFlow;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.session.WhoamiOutcome;
import io.kratosflows.settings.SettingsFlow;
import java.util.Optional;

/**
 * The benchmarks' door to the library's response → outcome path, which is package-private: this
 * class sits in the library's package on the benchmark class path (a split package, fine without
 * JPMS) so that the decode benchmarks measure the very code a call runs after the body is read, and
 * nothing else. Each method builds the {@link KratosResponse} the transport builds from the status
 * and body bytes, then asks the step that owns the answer for its outcome.
 */
public final class BenchAccess {

    private static final String[] JSON_HEADERS = {"Content-Type", "application/json; charset=utf-8"};

    private BenchAccess() {
    }

    /** {@return the flow of a {@code createNativeLoginFlow} answer (what {@code login().start()} returns)} */
    public static LoginFlow loginStart(int status, byte[] body) {
        return FlowAnswers.flow("start login flow", response(status, body), f -> FlowReader.login(f, Optional.empty()));
    }

    /** {@return the outcome of an {@code updateLoginFlow} answer to a submission of {@code method} on {@code submitted}} */
    public static LoginOutcome loginSubmit(int status, byte[] body, LoginFlow submitted, String method) {
        return UpdateLoginFlowStep.outcome(response(status, body), submitted, method);
    }

    /** {@return the flow of a {@code createNativeSettingsFlow} answer} */
    public static SettingsFlow settingsStart(int status, byte[] body, SessionToken token) {
        return FlowAnswers.flow("start settings flow", response(status, body), f -> FlowReader.settings(f, token));
    }

    /** {@return the outcome of a {@code toSession} answer} */
    public static WhoamiOutcome whoami(int status, byte[] body) {
        return ToSessionStep.outcome(response(status, body));
    }

    private static KratosResponse response(int status, byte[] body) {
        return new KratosResponse(status, JSON_HEADERS, body);
    }
}
