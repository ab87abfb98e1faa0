package io.kratosflows;

import io.kratosflows.login.LoginMethod;
import io.kratosflows.recovery.RecoveryMethod;
import io.kratosflows.registration.RegistrationMethod;
import io.kratosflows.settings.SettingsMethod;
import io.kratosflows.testing.Samples;
import io.kratosflows.verification.VerificationMethod;
import java.util.List;
import java.util.function.Function;

/**
 * Every call the library makes, as data: start, fetch and submit of each flow, whoami, logout and
 * the token exchange, each with secrets the tests can look for afterwards.
 *
 * @param name       e.g. {@code "login submit"}
 * @param method     the HTTP method it uses
 * @param idempotent whether the library may repeat it
 * @param run        the call
 */
record EveryCall(String name, String method, boolean idempotent, Function<Kratos, Object> run) {

    static final String PASSWORD = "pw-Secret-4711-hunter2";
    static final String CODE = "771234";
    static final String TOKEN_VALUE = "ory_st_Secret0123456789abcdef";
    static final String INIT_CODE = "init-Secret-0042";
    static final String RETURN_TO_CODE = "rtc-Secret-0043";
    static final SessionToken TOKEN = SessionToken.of(TOKEN_VALUE);

    /** {@return the secrets these calls send} */
    static List<String> secrets() {
        return List.of(PASSWORD, CODE, TOKEN_VALUE, INIT_CODE, RETURN_TO_CODE);
    }

    /** {@return every call} */
    static List<EveryCall> all() {
        return List.of(
                new EveryCall("login start", "GET", true, k -> k.login().start()),
                new EveryCall("login fetch", "GET", true, k -> k.login().fetch(Samples.ID)),
                new EveryCall("login submit", "POST", false, k -> k.login().submit(Samples.login(),
                        new LoginMethod.Password("ada@example.org", Secret.of(PASSWORD)))),
                new EveryCall("registration start", "GET", true, k -> k.registration().start()),
                new EveryCall("registration fetch", "GET", true, k -> k.registration().fetch(Samples.ID)),
                new EveryCall("registration submit", "POST", false, k -> k.registration().submit(Samples.registration(),
                        new RegistrationMethod.Password(Traits.email("ada@example.org"), Secret.of(PASSWORD)))),
                new EveryCall("settings start", "GET", true, k -> k.settings().start(TOKEN)),
                new EveryCall("settings fetch", "GET", true, k -> k.settings().fetch(Samples.ID, TOKEN)),
                new EveryCall("settings submit", "POST", false, k -> k.settings().submit(Samples.settings(TOKEN),
                        new SettingsMethod.Password(Secret.of(PASSWORD)))),
                new EveryCall("recovery start", "GET", true, k -> k.recovery().start()),
                new EveryCall("recovery fetch", "GET", true, k -> k.recovery().fetch(Samples.ID)),
                new EveryCall("recovery submit", "POST", false, k -> k.recovery().submit(Samples.recovery(),
                        RecoveryMethod.Code.submit(Secret.of(CODE)))),
                new EveryCall("verification start", "GET", true, k -> k.verification().start()),
                new EveryCall("verification fetch", "GET", true, k -> k.verification().fetch(Samples.ID)),
                new EveryCall("verification submit", "POST", false, k -> k.verification().submit(Samples.verification(),
                        VerificationMethod.Code.submit(Secret.of(CODE)))),
                new EveryCall("whoami", "GET", true, k -> k.sessions().whoami(TOKEN)),
                new EveryCall("logout", "DELETE", false, k -> k.sessions().logout(TOKEN)),
                new EveryCall("token exchange", "GET", false, k -> k.sessions().exchangeToken(Secret.of(INIT_CODE),
                        Secret.of(RETURN_TO_CODE))));
    }

    @Override
    public String toString() {
        return name;
    }
}
