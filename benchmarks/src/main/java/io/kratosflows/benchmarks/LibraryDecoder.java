package io.kratosflows.benchmarks;

import io.kratosflows.SessionToken;
import io.kratosflows.internal.BenchAccess;
import io.kratosflows.login.LoginFlow;

/**
 * kratos-flows' side of the decode benchmark: the library's own response → outcome path for the
 * call a body answers (through {@link BenchAccess}), returning the public flow or outcome a caller
 * of {@code Kratos} gets.
 */
public final class LibraryDecoder {

    private final LoginFlow submitted;
    private final SessionToken token = SessionToken.of("ory_st_benchmark");

    /** A decoder whose submissions answer the recorded login flow. */
    public LibraryDecoder() {
        this.submitted = BenchAccess.loginStart(Body.LOGIN_FLOW.status(), Body.LOGIN_FLOW.bytes());
    }

    /** {@return the flow or outcome the library makes of {@code body} answering {@code call}} */
    public Object decode(Body.Call call, int status, byte[] body, String method) {
        switch (call) {
            case LOGIN_START:
                return BenchAccess.loginStart(status, body);
            case LOGIN_SUBMIT:
                return BenchAccess.loginSubmit(status, body, submitted, method);
            case SETTINGS_START:
                return BenchAccess.settingsStart(status, body, token);
            case WHOAMI:
                return BenchAccess.whoami(status, body);
            default:
                throw new IllegalArgumentException(call.name());
        }
    }
}
