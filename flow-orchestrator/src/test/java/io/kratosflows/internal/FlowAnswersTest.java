package io.kratosflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kratosflows.FlowId;
import io.kratosflows.error.KratosErrorException;
import io.kratosflows.error.UnexpectedResponseException;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.testing.Samples;
import io.kratosflows.ui.Ui;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The answers every flow shares: flow bodies, methods not offered or disabled, expiry, browser hand-overs and redirects. */
class FlowAnswersTest {

    private static final String DISABLED = "{\"error\":{\"code\":404,\"reason\":\"This endpoint was disabled by system administrator.\"}}";
    private static final String NOT_FOUND = "{\"error\":{\"code\":404,\"message\":\"Unable to locate the resource\"}}";

    private static Ui passwordForm() {
        return FlowReader.login(Wire.recorded("login/create.200.json").json(), Optional.empty()).ui();
    }

    private static LoginOutcome shared(KratosResponse response, Ui submitted, String method) {
        return FlowAnswers.shared("login submission", response, submitted, method, UpdateLoginFlowStep.SHARED);
    }

    private static ObjectNode flowWithNodes(int count) {
        ObjectNode body = (ObjectNode) Wire.recorded("login/create.200.json").json();
        ArrayNode nodes = ((ObjectNode) body.path("ui")).putArray("nodes");
        for (int i = 0; i < count; i++) {
            nodes.addObject().put("type", "input").put("group", "default").putObject("attributes").put("node_type", "input").put("name", "n" + i);
        }
        return body;
    }

    @Test
    void aFlowHasAtMostAThousandNodes() {
        var tooMany = assertThrows(UnexpectedResponseException.class,
                () -> FlowAnswers.flow("start login flow", Wire.of(200, flowWithNodes(1001).toString()), f -> FlowReader.login(f, Optional.empty())));

        assertTrue(tooMany.getMessage().startsWith("start login flow: the flow has more than 1000 UI nodes"), tooMany.getMessage());
        assertEquals(1000, FlowAnswers.flow("start", Wire.of(200, flowWithNodes(1000).toString()),
                f -> FlowReader.login(f, Optional.empty())).ui().nodes().size());
    }

    @Test
    void onlyA200FlowIsAStartAnswer() {
        String flow = Wire.body("login/create.200.json");

        assertThrows(UnexpectedResponseException.class, () -> FlowAnswers.flow("start", Wire.of(201, flow), f -> f));
        assertThrows(UnexpectedResponseException.class, () -> FlowAnswers.flow("start", Wire.of(200, "{\"id\":\"x\"}"), f -> f));
    }

    @Test
    void aFormWithNodesOffersOnlyItsGroups() {
        assertEquals(Optional.empty(), FlowAnswers.notOffered(passwordForm(), "password", UpdateLoginFlowStep.SHARED));
        assertEquals(Optional.empty(), FlowAnswers.notOffered(Samples.EMPTY_UI, "totp", UpdateLoginFlowStep.SHARED));
        var unavailable = assertInstanceOf(LoginOutcome.MethodUnavailable.class,
                FlowAnswers.notOffered(passwordForm(), "totp", UpdateLoginFlowStep.SHARED).orElseThrow());
        assertEquals("totp", unavailable.method());
    }

    @Test
    void a404IsADisabledMethodWhenKratosSaysSoOrTheFormDoesNotOfferIt() {
        assertTrue(FlowAnswers.methodDisabled(Wire.of(404, DISABLED), Samples.EMPTY_UI, "password"));
        assertTrue(FlowAnswers.methodDisabled(Wire.of(404, NOT_FOUND), passwordForm(), "totp"));
        assertFalse(FlowAnswers.methodDisabled(Wire.of(404, NOT_FOUND), passwordForm(), "password"));
        assertFalse(FlowAnswers.methodDisabled(Wire.of(404, NOT_FOUND), Samples.EMPTY_UI, "totp"));
        assertFalse(FlowAnswers.methodDisabled(Wire.of(404, "disabled"), Samples.EMPTY_UI, "password"));
        assertFalse(FlowAnswers.methodDisabled(Wire.of(404, "{}"), passwordForm(), "totp"), "no error envelope: an unknown path, not a method");
        assertFalse(FlowAnswers.methodDisabled(Wire.of(400, DISABLED), Samples.EMPTY_UI, "password"));

        var unavailable = assertInstanceOf(LoginOutcome.MethodUnavailable.class, shared(Wire.of(404, NOT_FOUND), passwordForm(), "totp"));
        assertEquals(404, unavailable.error().orElseThrow().status());
    }

    @Test
    void theReplacementIsTopLevelOrInTheDetails() {
        assertEquals(Optional.of(FlowId.of("a")), FlowAnswers.replacement(FakeCalls.tree("{\"use_flow_id\":\"a\",\"error\":{\"details\":{\"use_flow_id\":\"b\"}}}")));
        assertEquals(Optional.of(FlowId.of("b")), FlowAnswers.replacement(FakeCalls.tree("{\"error\":{\"details\":{\"use_flow_id\":\"b\"}}}")));
        assertEquals(Optional.empty(), FlowAnswers.replacement(FakeCalls.tree("{\"use_flow_id\":\" \"}")));
    }

    @Test
    void theBrowserUrlIsLookedForInOrder() {
        assertEquals(Optional.of("top"), FlowAnswers.browserUrl(Wire.of(422,
                "{\"redirect_browser_to\":\"top\",\"error\":{\"details\":{\"redirect_browser_to\":\"d\",\"redirect_to\":\"r\"}}}")));
        assertEquals(Optional.of("d"), FlowAnswers.browserUrl(Wire.of(422,
                "{\"error\":{\"details\":{\"redirect_browser_to\":\"d\",\"redirect_to\":\"r\"}}}")));
        assertEquals(Optional.of("r"), FlowAnswers.browserUrl(Wire.of(403, "{\"error\":{\"details\":{\"redirect_to\":\"r\"}}}")));
        assertEquals(Optional.of("https://loc"), FlowAnswers.browserUrl(Wire.of(303, Map.of("Location", "https://loc"), "")));
        assertEquals(Optional.empty(), FlowAnswers.browserUrl(Wire.of(303, Map.of("Location", " "), "")));
        assertEquals(Optional.empty(), FlowAnswers.browserUrl(Wire.of(302, Map.of("Location", "https://loc"), "")));
    }

    @Test
    void aHandOverWithoutUrlIsAFailure() {
        var e = assertThrows(KratosErrorException.class,
                () -> shared(Wire.of(422, "{\"error\":{\"id\":\"browser_location_change_required\",\"code\":422}}"), Samples.EMPTY_UI, "oidc"));

        assertEquals(422, e.status());
        assertInstanceOf(LoginOutcome.BrowserRequired.class, shared(Wire.of(303, Map.of("Location", "https://x"), ""), Samples.EMPTY_UI, "oidc"));
    }

    @Test
    void theFlowInARedirectIsItsFlowOrIdParameter() {
        assertEquals(Optional.of(FlowId.of("f-1")), FlowAnswers.flowInLocation(Wire.of(303, Map.of("Location", "https://x/recovery?flow=f-1"), "")));
        assertEquals(Optional.of(FlowId.of("f 2")), FlowAnswers.flowInLocation(Wire.of(303, Map.of("Location", " https://x/r?a=1&id=f%202 "), "")));
        assertEquals(Optional.of(FlowId.of("f-3")), FlowAnswers.flowInLocation(Wire.of(303, Map.of("Location", "https://x/r?flow=&id=f-3"), "")));
        assertEquals(Optional.of(FlowId.of("f-4")), FlowAnswers.flowInLocation(Wire.of(303, Map.of("Location", "https://x/r?flow&id=f-4"), "")));
        assertEquals(Optional.empty(), FlowAnswers.flowInLocation(Wire.of(303, Map.of("Location", "https://x/r?flow=%zz"), "")));
        assertEquals(Optional.empty(), FlowAnswers.flowInLocation(Wire.of(303, Map.of("Location", "https://x/r?return_to=f"), "")));
        assertEquals(Optional.empty(), FlowAnswers.flowInLocation(Wire.of(303, Map.of("Location", "https://x/r"), "")));
        assertEquals(Optional.empty(), FlowAnswers.flowInLocation(Wire.of(303, Map.of("Location", "https://x/r?flow=a b"), "")));
        assertEquals(Optional.empty(), FlowAnswers.flowInLocation(Wire.of(303, "")));
    }
}
