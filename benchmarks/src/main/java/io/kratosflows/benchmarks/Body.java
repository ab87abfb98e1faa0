package io.kratosflows.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The recorded Kratos v26.2.0 answers the benchmarks decode (and the stub serves), each with the
 * status it came with and what the caller was doing when Kratos sent it.
 */
public enum Body {
    /** {@code GET /self-service/login/api}: a new login flow. */
    LOGIN_FLOW("login/create.200.json", 200, Call.LOGIN_START, ""),
    /** {@code POST /self-service/login}: 400, the flow again with "invalid credentials". */
    LOGIN_VALIDATION("login/submit-password-invalid-credentials.400.json", 400, Call.LOGIN_SUBMIT, "password"),
    /** {@code POST /self-service/login} (code method): 400, the flow in state {@code sent_email}. */
    LOGIN_CODE_SENT("login/submit-code-sent.400.json", 400, Call.LOGIN_SUBMIT, "code"),
    /** {@code POST /self-service/login}: 200, a session token and the session. */
    LOGIN_SUCCESS("login/submit-password-success.200.json", 200, Call.LOGIN_SUBMIT, "password"),
    /** {@code POST /self-service/login}: 410, the flow expired, with its replacement. */
    LOGIN_EXPIRED("login/submit-expired.410.json", 410, Call.LOGIN_SUBMIT, "password"),
    /** {@code GET /self-service/settings/api}: a settings flow with profile, password, TOTP and lookup nodes. */
    SETTINGS_FLOW("settings/create.200.json", 200, Call.SETTINGS_START, ""),
    /** {@code GET /sessions/whoami}: 200, the session. */
    WHOAMI("session/whoami.200.json", 200, Call.WHOAMI, ""),
    /** {@code GET /sessions/whoami} without a token: 401, Kratos's error envelope. */
    WHOAMI_NO_TOKEN("session/whoami-no-token.401.json", 401, Call.WHOAMI, "");

    /** The call a body answers: a client decodes an answer knowing what it asked. */
    public enum Call {
        /** {@code createNativeLoginFlow} */
        LOGIN_START,
        /** {@code updateLoginFlow} */
        LOGIN_SUBMIT,
        /** {@code createNativeSettingsFlow} */
        SETTINGS_START,
        /** {@code toSession} */
        WHOAMI
    }

    private final String path;
    private final int status;
    private final Call call;
    private final String method;
    private final byte[] bytes;

    Body(String path, int status, Call call, String method) {
        this.path = path;
        this.status = status;
        this.call = call;
        this.method = method;
        this.bytes = load("/fixtures/v26.2.0/" + path);
    }

    /** {@return the fixture's path under {@code fixtures/v26.2.0/}} */
    public String path() {
        return path;
    }

    /** {@return the HTTP status Kratos answered with} */
    public int status() {
        return status;
    }

    /** {@return the call this body answers} */
    public Call call() {
        return call;
    }

    /** {@return the login method submitted, for submission answers; empty otherwise} */
    public String method() {
        return method;
    }

    /** {@return the body as Kratos sent it} (shared: do not modify) */
    public byte[] bytes() {
        return bytes;
    }

    private static byte[] load(String resource) {
        try (InputStream in = Body.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture on the class path: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
