package io.kratosflows.spring.security;

import io.kratosflows.Aal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a request was refused, and what a native client should do about it: the small JSON body of
 * the starter's 401, 403 and 503 answers.
 *
 * <pre>
 * 401 {"error":"session_required","action":"sign_in","message":"..."}           no token sent
 * 401 {"error":"session_inactive","action":"sign_in","message":"..."}           token unknown, expired or revoked
 * 403 {"error":"session_aal2_required","action":"step_up","required_aal":"aal2","message":"..."}
 * 403 {"error":"session_refresh_required","action":"reauthenticate","max_age_seconds":300,"message":"..."}
 * 403 {"error":"forbidden","action":"none","message":"..."}                     any other refusal
 * 503 {"error":"session_check_unavailable","action":"retry","message":"..."}    Kratos could not be asked
 * </pre>
 *
 * <p>{@code error} uses Kratos's own error ids where Kratos has one. A client switches on
 * {@code action}: {@code sign_in} (start a login flow), {@code step_up} (a login flow with
 * {@code aal=required_aal} for the same session), {@code reauthenticate} (a login flow with
 * {@code refresh=true}), {@code retry} (later), {@code none} (nothing a sign-in would change).
 *
 * @param status     the HTTP status
 * @param error      the error id
 * @param action     what the client should do
 * @param requiredAal the assurance level needed, for {@link Action#STEP_UP}
 * @param maxAge     how recent the authentication must be, for {@link Action#REAUTHENTICATE}
 * @param message    a sentence for developers (not for end users)
 */
public record KratosProblem(int status, String error, Action action, Optional<Aal> requiredAal,
                            Optional<Duration> maxAge, String message) {

    /** Requires every component. */
    public KratosProblem {
        Objects.requireNonNull(error, "error == null");
        Objects.requireNonNull(action, "action == null");
        Objects.requireNonNull(requiredAal, "requiredAal == null");
        Objects.requireNonNull(maxAge, "maxAge == null");
        Objects.requireNonNull(message, "message == null");
    }

    /** {@return 401: the request carried no session token} */
    public static KratosProblem sessionRequired() {
        return new KratosProblem(401, "session_required", Action.SIGN_IN, Optional.empty(), Optional.empty(),
                "This endpoint needs a Kratos session token in X-Session-Token or Authorization: Bearer.");
    }

    /** {@return 401: Kratos does not know the token as an active session} */
    public static KratosProblem sessionInactive() {
        return new KratosProblem(401, "session_inactive", Action.SIGN_IN, Optional.empty(), Optional.empty(),
                "The session token is not valid: unknown, expired or revoked. Sign in again.");
    }

    /** {@return 403: the session must reach {@code aal} (a second factor) first} */
    public static KratosProblem stepUp(Aal aal) {
        Objects.requireNonNull(aal, "aal == null");
        return new KratosProblem(403, "session_" + aal.wireValue() + "_required", Action.STEP_UP, Optional.of(aal),
                Optional.empty(), "This needs a session at " + aal.wireValue()
                        + ": complete a login flow with aal=" + aal.wireValue() + " for this session.");
    }

    /** {@return 403: the session was authenticated longer ago than {@code maxAge} allows} */
    public static KratosProblem reauthenticate(Duration maxAge) {
        Objects.requireNonNull(maxAge, "maxAge == null");
        return new KratosProblem(403, "session_refresh_required", Action.REAUTHENTICATE, Optional.empty(),
                Optional.of(maxAge), "This needs an authentication within the last " + maxAge.toSeconds()
                        + " s: complete a login flow with refresh=true for this session.");
    }

    /** {@return 403: refused for a reason a sign-in would not change} */
    public static KratosProblem forbidden() {
        return new KratosProblem(403, "forbidden", Action.NONE, Optional.empty(), Optional.empty(),
                "The session may not do this.");
    }

    /** {@return 503: Kratos could not be reached or answered with an error} */
    public static KratosProblem unavailable() {
        return new KratosProblem(503, "session_check_unavailable", Action.RETRY, Optional.empty(), Optional.empty(),
                "The session could not be checked with Kratos. Try again later.");
    }

    /** {@return the JSON body's members, in order} */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("action", action.wireValue());
        requiredAal.ifPresent(aal -> body.put("required_aal", aal.wireValue()));
        maxAge.ifPresent(age -> body.put("max_age_seconds", age.toSeconds()));
        body.put("message", message);
        return body;
    }

    /** What a native client should do after a refusal. */
    public enum Action {
        /** Start a login flow: there is no usable session. */
        SIGN_IN("sign_in"),
        /** Raise the same session's assurance level: a login flow with {@code aal}. */
        STEP_UP("step_up"),
        /** Authenticate the same session again: a login flow with {@code refresh=true}. */
        REAUTHENTICATE("reauthenticate"),
        /** Try again later: the session could not be checked. */
        RETRY("retry"),
        /** Nothing: signing in again would not change the answer. */
        NONE("none");

        private final String wire;

        Action(String wire) {
            this.wire = wire;
        }

        /** {@return the value in the JSON body, e.g. {@code step_up}} */
        public String wireValue() {
            return wire;
        }
    }
}
