package io.kratosflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.Aal;
import io.kratosflows.SessionToken;
import io.kratosflows.error.InvalidInputException;
import io.kratosflows.generated.invoker.Operation;
import io.kratosflows.login.LoginOptions;
import io.kratosflows.registration.RegistrationOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Start options reach the generated operation; an option the spec lacks is refused by name, never dropped. */
class FlowStartsTest {

    /** An operation of an older spec: it declares no {@code organization}. */
    private static final class OlderCall extends Operation<OlderCall> {
        OlderCall() {
            super("createNativeLoginFlow", "GET", "/self-service/login/api",
                    catalogue(new Parameter("refresh", In.QUERY, false), new Parameter("via", In.QUERY, false)));
        }
    }

    private static Map<String, String> query(Operation<?> operation) {
        Map<String, String> query = new java.util.LinkedHashMap<>();
        operation.forEachQuery(query::put);
        return query;
    }

    /** A client generated from v1.x refuses what that spec did not have, by name. */
    private static void assertOrganizationRefused(org.junit.jupiter.api.function.Executable start) {
        var e = assertThrows(InvalidInputException.class, start);
        assertTrue(e.violations().get(0).startsWith("organization: not supported"), e.violations().toString());
    }

    @Test
    void everyLoginOptionBecomesItsQueryParameter() {
        LoginOptions options = LoginOptions.refresh(SessionToken.of("ory_st_x")).withAal(Aal.AAL2).withReturnTo("https://app/cb")
                .withSessionTokenExchangeCode().withVia("email");
        boolean newer = io.kratosflows.generated.api.FrontendApi.createNativeLoginFlow().accepts("organization");
        var call = FlowStarts.login(newer ? options.withOrganization("org-1").withIdentitySchema("customer") : options);

        Map<String, String> expected = new java.util.HashMap<>(Map.of("refresh", "true", "aal", "aal2",
                "return_session_token_exchange_code", "true", "return_to", "https://app/cb", "via", "email"));
        if (newer) {
            expected.putAll(Map.of("organization", "org-1", "identity_schema", "customer"));
        } else {
            assertOrganizationRefused(() -> FlowStarts.login(options.withOrganization("org-1")));
        }
        assertEquals(expected, query(call));
        List<String> headers = new ArrayList<>();
        call.forEachHeader((name, value) -> headers.add(name + "=" + value));
        assertEquals(List.of("X-Session-Token=ory_st_x"), headers);
    }

    @Test
    void defaultsSendNothing() {
        assertTrue(query(FlowStarts.login(LoginOptions.defaults())).isEmpty());
    }

    @Test
    void anOptionTheSpecLacksIsRefusedByName() {
        var e = assertThrows(InvalidInputException.class,
                () -> FlowStarts.option(new OlderCall(), "organization", Optional.of("org-1")));

        assertEquals(List.of("organization: not supported by the Kratos API this client was generated from (" + Operation.SPEC + ")"),
                e.violations());
    }

    @Test
    void anOptionTheSpecHasIsSetAndAnAbsentOneIsNotChecked() {
        OlderCall call = new OlderCall();

        FlowStarts.option(call, "via", Optional.of("email"));
        FlowStarts.option(call, "organization", Optional.empty());

        assertEquals(Map.of("via", "email"), query(call));
    }

    @Test
    void everyRegistrationOptionBecomesItsQueryParameter() {
        RegistrationOptions options = RegistrationOptions.defaults().withSessionTokenExchangeCode().withReturnTo("https://app/cb");
        boolean newer = io.kratosflows.generated.api.FrontendApi.createNativeRegistrationFlow().accepts("organization");
        var call = FlowStarts.registration(newer ? options.withOrganization("org-1").withIdentitySchema("customer") : options);

        Map<String, String> expected = new java.util.HashMap<>(Map.of("return_session_token_exchange_code", "true",
                "return_to", "https://app/cb"));
        if (newer) {
            expected.putAll(Map.of("organization", "org-1", "identity_schema", "customer"));
        } else {
            assertOrganizationRefused(() -> FlowStarts.registration(options.withOrganization("org-1")));
        }
        assertEquals(expected, query(call));
        assertTrue(query(FlowStarts.registration(RegistrationOptions.defaults())).isEmpty());
    }
}
