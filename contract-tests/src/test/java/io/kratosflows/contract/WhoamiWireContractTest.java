package io.kratosflows.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.kratosflows.generated.api.FrontendApi;
import io.kratosflows.generated.invoker.ApiClient;
import io.kratosflows.generated.model.Session;
import java.util.Map;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The wire contract of whoami at the generated-client level: a native client sends its session
 * token as {@code X-Session-Token}, asks for JSON, and gets the session back.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "kratos-public", pactVersion = PactSpecVersion.V4)
class WhoamiWireContractTest {

    @Pact(consumer = "kratos-flows-generated-client")
    V4Pact whoamiWithAValidSessionToken(PactDslWithProvider builder) {
        return builder
                .given("a session exists", Map.of("email", "pact-whoami@example.org"))
                .uponReceiving("whoami with a valid session token (generated client)")
                .method("GET")
                .path("/sessions/whoami")
                .matchHeader("X-Session-Token", "ory_st_\\w+", "ory_st_example")
                .matchHeader("Accept", ".*application/json.*", "application/json")
                .willRespondWith()
                .status(200)
                .body(new PactDslJsonBody()
                        .uuid("id")
                        .booleanType("active", true)
                        .stringMatcher("authenticator_assurance_level", "aal[0-3]", "aal1")
                        .object("identity")
                        .uuid("id")
                        .stringType("schema_id", "default")
                        .object("traits").stringType("email", "pact-whoami@example.org").closeObject()
                        .closeObject())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "whoamiWithAValidSessionToken")
    void generatedClientReadsTheSession(MockServer server) throws Exception {
        try (var http = HttpClients.createDefault()) {
            FrontendApi api = new FrontendApi(new ApiClient(http).setBasePath(server.getUrl()));

            Session session = api.toSession("ory_st_example", null, null);

            assertEquals(Boolean.TRUE, session.getActive());
            assertEquals("default", session.getIdentity().getSchemaId());
        }
    }
}
