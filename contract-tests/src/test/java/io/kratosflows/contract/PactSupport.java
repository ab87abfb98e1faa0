package io.kratosflows.contract;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslJsonArray;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import io.kratosflows.Kratos;
import io.kratosflows.KratosConfig;
import io.kratosflows.testing.Samples;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the consumer tests share: the pact's names, example values (fake, never a real secret),
 * and the request and response shapes of Kratos's native API. A single-interaction test submits one
 * of the orchestrator's {@link Samples} flows (id {@link #FLOW_ID}) without first starting a flow.
 *
 * <p>Values that only exist when the pact is verified (flow ids, session tokens, codes, fresh
 * email addresses) are injected from provider state: the expressions below ({@code ${flowId}},
 * {@code ${sessionToken}}, ...) name the keys the provider's state handlers return.
 */
final class PactSupport {

    static final String CONSUMER = "kratos-flows";
    static final String PROVIDER = "kratos-public";

    /** The id of the flows the consumer tests submit ({@link Samples}: one set of sample records for every module's tests). */
    static final String FLOW_ID = Samples.ID.value();
    static final String NEW_FLOW_ID = "b8b33ece-974b-477f-8489-203d5e8b02d0";
    static final String OTHER_FLOW_ID = "9a4e2a0d-59f0-4d05-bd97-125b4786ca8c";
    static final String IDENTITY_ID = "b19d8a53-0b33-46ca-882d-623b6ad2962e";
    static final String SESSION_ID = "160c1212-0e9b-4b0e-aca2-97d0e3cf72ef";
    static final String TOKEN = "ory_st_pactExampleToken0000000000000";
    static final String UNKNOWN_TOKEN = "ory_st_pactUnknownToken000000000000";
    static final String EMAIL = "ada@example.org";
    static final String PASSWORD = "correct-horse-battery-staple-42";
    static final String CODE = "123456";
    static final String WRONG_CODE = "000000";
    static final String LOOKUP_CODE = "a1b2c3d4";

    static final String TOKEN_REGEX = "ory_st_\\w+";
    static final String TIME_REGEX = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})";
    static final String TIME = "2026-11-28T00:21:56.388442616Z";
    static final String LATER = "2026-11-28T01:21:56.388442616Z";
    static final String AAL_REGEX = "aal[0-3]";

    /** Provider-state expressions: the keys the provider's state handlers return. */
    static final String S_FLOW_ID = "${flowId}";
    static final String S_TOKEN = "${sessionToken}";
    static final String S_EMAIL = "${email}";
    static final String S_PASSWORD = "${password}";
    static final String S_CODE = "${code}";
    static final String S_TOTP = "${totpCode}";
    static final String S_LOOKUP = "${lookupSecret}";

    private PactSupport() {
    }

    /** {@return the real client, pointed at the mock server} */
    static Kratos kratos(MockServer server) {
        return Kratos.connect(KratosConfig.builder().publicUrl(server.getUrl()).timeout(Duration.ofSeconds(10)).build());
    }

    // ---- requests ------------------------------------------------------------------------------

    /** Every native call asks for JSON: without it some Kratos paths answer with browser redirects. */
    static PactDslRequestWithPath acceptsJson(PactDslRequestWithPath request) {
        return request.matchHeader("Accept", "application/json.*", "application/json");
    }

    /** A JSON submission to {@code path?flow=<flow id from provider state>}. */
    static PactDslRequestWithPath submit(PactDslRequestWithPath request, PactDslJsonBody body) {
        return acceptsJson(request.method("POST")
                .queryParameterFromProviderState("flow", S_FLOW_ID, FLOW_ID)
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .body(body));
    }

    /** The session token of the provider state, as native calls send it. */
    static PactDslRequestWithPath withToken(PactDslRequestWithPath request) {
        return request.headerFromProviderState("X-Session-Token", S_TOKEN, TOKEN);
    }

    // ---- response bodies ---------------------------------------------------------------------

    /** {@code {"error": {"id": <id>, "code": <status>}}} (no {@code id} when null) plus whatever {@code more} adds at the top level. */
    static PactDslJsonBody error(String id, int status, Consumer<PactDslJsonBody> more) {
        PactDslJsonBody body = new PactDslJsonBody();
        PactDslJsonBody error = body.object("error");
        if (id != null) {
            error.stringValue("id", id);
        }
        error.numberValue("code", status).closeObject();
        more.accept(body);
        return body;
    }

    static PactDslJsonBody error(String id, int status) {
        return error(id, status, b -> { });
    }

    /** A session object under {@code name}; see {@link #sessionFields}. */
    static PactDslJsonBody session(PactDslJsonBody parent, String name, String aal, boolean identity) {
        return (PactDslJsonBody) sessionFields(parent.object(name), aal, identity).closeObject();
    }

    /**
     * The fields of a session: id, active, the assurance level reached, the methods used and, when
     * {@code identity}, the identity; otherwise {@code identity: null}, as Kratos sends it while a
     * second factor is outstanding.
     */
    static PactDslJsonBody sessionFields(PactDslJsonBody s, String aal, boolean identity) {
        s.uuid("id", SESSION_ID)
                .booleanValue("active", true)
                .stringValue("authenticator_assurance_level", aal)
                .stringMatcher("expires_at", TIME_REGEX, LATER)
                .stringMatcher("authenticated_at", TIME_REGEX, TIME);
        s.minArrayLike("authentication_methods", 1)
                .stringType("method", "password")
                .stringMatcher("aal", AAL_REGEX, "aal1")
                .closeObject().closeArray();
        if (identity) {
            identity(s, "identity");
        } else {
            s.nullValue("identity");
        }
        return s;
    }

    /** An identity under {@code name}: id, schema and an email trait. */
    static PactDslJsonBody identity(PactDslJsonBody parent, String name) {
        return (PactDslJsonBody) parent.object(name)
                .uuid("id", IDENTITY_ID)
                .stringType("schema_id", "default")
                .object("traits").stringType("email", EMAIL).closeObject()
                .closeObject();
    }

    /** The text node that shows backup codes (message 1050015, each code in {@code context.secrets[].text}). */
    static void lookupCodes(PactDslJsonBody node) {
        node.stringValue("group", "lookup_secret")
                .object("attributes").stringValue("id", "lookup_secret_codes").stringValue("node_type", "text")
                .object("text").numberValue("id", 1050015).object("context")
                .minArrayLike("secrets", 1).numberValue("id", 1050009).object("context").stringType("secret", LOOKUP_CODE)
                .closeObject().closeObject().closeArray()
                .closeObject().closeObject().closeObject();
    }

    /** Starts a flow body; see {@link FlowBody}. */
    static FlowBody flow(String action) {
        return new FlowBody(action);
    }

    /**
     * A flow as Kratos returns it: id, type {@code api}, times, optional state and the UI. Nodes and
     * messages the library relies on are pinned with "array contains" (Kratos adds others and may
     * reorder them); without any, the nodes are only required to be well-formed and non-empty.
     */
    static final class FlowBody {
        private final String action;
        private String id = FLOW_ID;
        private String state;
        private final List<Consumer<PactDslJsonBody>> top = new ArrayList<>();
        private final List<Consumer<PactDslJsonBody>> nodes = new ArrayList<>();
        private final List<Consumer<PactDslJsonBody>> messages = new ArrayList<>();

        private FlowBody(String action) {
            this.action = action;
        }

        /** Uses another example id. */
        FlowBody id(String example) {
            this.id = example;
            return this;
        }

        /** Pins {@code state}. */
        FlowBody state(String value) {
            this.state = value;
            return this;
        }

        /** Adds top-level fields. */
        FlowBody with(Consumer<PactDslJsonBody> fields) {
            top.add(fields);
            return this;
        }

        /** Requires an input node of this group and name. */
        FlowBody input(String group, String name) {
            nodes.add(n -> n.stringValue("group", group)
                    .object("attributes").stringValue("name", name).stringValue("node_type", "input").closeObject());
            return this;
        }

        /** Requires a node of any group with this input name that carries a message with this id and type. */
        FlowBody inputMessage(String name, long messageId, String type) {
            nodes.add(n -> {
                n.stringValue("type", "input")
                        .object("attributes").stringValue("name", name).stringValue("node_type", "input").closeObject();
                PactDslJsonArray list = (PactDslJsonArray) n.arrayContaining("messages");
                list.object().numberValue("id", messageId).stringValue("type", type).closeObject();
                list.closeArray();
            });
            return this;
        }

        /** Requires a node shaped by {@code node} (for text and image nodes). */
        FlowBody node(Consumer<PactDslJsonBody> node) {
            nodes.add(node);
            return this;
        }

        /** Requires a flow-level message with this id and type. */
        FlowBody message(long messageId, String type) {
            messages.add(m -> m.numberValue("id", messageId).stringValue("type", type).stringType("text", "text"));
            return this;
        }

        PactDslJsonBody build() {
            PactDslJsonBody body = new PactDslJsonBody()
                    .uuid("id", id)
                    .stringValue("type", "api")
                    .stringMatcher("expires_at", TIME_REGEX, LATER)
                    .stringMatcher("issued_at", TIME_REGEX, TIME);
            if (state != null) {
                body.stringValue("state", state);
            }
            top.forEach(t -> t.accept(body));
            PactDslJsonBody ui = body.object("ui")
                    .stringType("action", "http://127.0.0.1:4433/self-service/" + action + "?flow=" + id)
                    .stringType("method", "POST"); // GET once a verification flow passed: not relied on
            if (nodes.isEmpty()) {
                ui.minArrayLike("nodes", 1)
                        .stringType("type", "input")
                        .stringType("group", "default")
                        .object("attributes").stringType("node_type", "input").closeObject()
                        .closeObject().closeArray();
            } else {
                contains(ui, "nodes", nodes);
            }
            if (!messages.isEmpty()) {
                contains(ui, "messages", messages);
            }
            ui.closeObject();
            return body;
        }

        private static void contains(PactDslJsonBody parent, String name, List<Consumer<PactDslJsonBody>> variants) {
            DslPart part = parent.arrayContaining(name);
            PactDslJsonArray array = (PactDslJsonArray) part;
            for (Consumer<PactDslJsonBody> variant : variants) {
                PactDslJsonBody element = array.object();
                variant.accept(element);
                element.closeObject();
            }
            array.closeArray();
        }
    }
}
