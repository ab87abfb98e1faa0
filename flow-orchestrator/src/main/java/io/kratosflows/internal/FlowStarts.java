package io.kratosflows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.kratosflows.SessionToken;
import io.kratosflows.error.InvalidInputException;
import io.kratosflows.generated.api.FrontendApi;
import io.kratosflows.generated.invoker.Operation;
import io.kratosflows.login.LoginOptions;
import io.kratosflows.registration.RegistrationOptions;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code createNative*Flow} and {@code get*Flow} of every flow: the start options mapped onto the
 * generated operation, the call, and the one reader of a flow answer ({@link FlowAnswers#flow}).
 * Options that only some Kratos versions know are set by name, so a client generated from an older
 * spec still compiles and refuses such an option at call time instead of dropping it.
 */
final class FlowStarts {

    private FlowStarts() {
    }

    /** {@return the flow of a start or fetch: an idempotent call, then the shared reader} */
    static <F> F read(Calls calls, String what, Operation<?> operation, Function<JsonNode, F> reader) {
        return FlowAnswers.flow(what, calls.read(what, operation), reader);
    }

    static FrontendApi.CreateNativeLoginFlowCall login(LoginOptions o) {
        FrontendApi.CreateNativeLoginFlowCall call = FrontendApi.createNativeLoginFlow()
                .refresh(o.refresh() ? Boolean.TRUE : null)
                .aal(o.aal().map(a -> a.wireValue()).orElse(null))
                .xSessionToken(o.sessionToken().map(SessionToken::reveal).orElse(null))
                .returnSessionTokenExchangeCode(o.returnSessionTokenExchangeCode() ? Boolean.TRUE : null)
                .returnTo(o.returnTo().orElse(null));
        option(call, "organization", o.organization());
        option(call, "via", o.via());
        option(call, "identity_schema", o.identitySchema());
        return call;
    }

    static FrontendApi.CreateNativeRegistrationFlowCall registration(RegistrationOptions o) {
        FrontendApi.CreateNativeRegistrationFlowCall call = FrontendApi.createNativeRegistrationFlow()
                .returnSessionTokenExchangeCode(o.returnSessionTokenExchangeCode() ? Boolean.TRUE : null)
                .returnTo(o.returnTo().orElse(null));
        option(call, "organization", o.organization());
        option(call, "identity_schema", o.identitySchema());
        return call;
    }

    /**
     * {@return the calls that send a session token with {@code operation}} A spec that declares no
     * {@code X-Session-Token} for the operation (registration and recovery starts) gets it as an
     * extra header: Kratos reads the header on every request.
     */
    static Calls withSessionToken(Calls calls, Operation<?> operation, Optional<SessionToken> token) {
        if (token.isEmpty()) {
            return calls;
        }
        if (operation.accepts("X-Session-Token")) {
            operation.set("X-Session-Token", token.get().reveal());
            return calls;
        }
        return calls.withHeader("X-Session-Token", token.get().reveal());
    }

    /**
     * Sets an option the spec this client was generated from may lack.
     *
     * @throws InvalidInputException naming the option and the spec when it lacks it
     */
    static void option(Operation<?> operation, String name, Optional<?> value) {
        if (value.isEmpty()) {
            return;
        }
        if (!operation.accepts(name)) {
            throw new InvalidInputException(operation.operationId(), List.of(name
                    + ": not supported by the Kratos API this client was generated from (" + Operation.SPEC + ")"));
        }
        operation.set(name, value.get());
    }
}
