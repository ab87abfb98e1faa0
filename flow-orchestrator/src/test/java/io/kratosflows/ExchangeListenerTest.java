package io.kratosflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.error.KratosTransportException;
import io.kratosflows.login.LoginFlow;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.session.TokenExchangeOutcome;
import io.kratosflows.testing.FakeKratos;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The exchange listener sees method, path, status and time of every call, and never a secret. */
class ExchangeListenerTest {

    @Test
    void everyExchangeIsReportedWithItsStatus() throws Exception {
        List<HttpExchange> seen = new CopyOnWriteArrayList<>();
        try (FakeKratos server = new FakeKratos();
             Kratos kratos = Kratos.connect(KratosConfig.builder().publicUrl(server.url()).exchangeListener(seen::add).build())) {
            server.respond("login/create.200.json").respond("login/submit-password-invalid-credentials.400.json");

            LoginFlow flow = kratos.login().start();
            var outcome = kratos.login().submit(flow, new LoginMethod.Password("ada@example.org", Secret.of("pw-123456789")));

            assertInstanceOf(LoginOutcome.NeedsInput.class, outcome);
            assertEquals(List.of("GET /self-service/login/api -> 200", "POST /self-service/login?flow=" + flow.id() + " -> 400"),
                    seen.stream().map(HttpExchange::line).toList());
            assertTrue(seen.stream().allMatch(e -> !e.duration().isNegative()));
        }
    }

    @Test
    void secretQueryValuesAreMaskedAndAFailingListenerChangesNothing() throws Exception {
        List<HttpExchange> seen = new CopyOnWriteArrayList<>();
        ExchangeListener failing = exchange -> {
            seen.add(exchange);
            throw new IllegalStateException("listener bug");
        };
        try (FakeKratos server = new FakeKratos();
             Kratos kratos = Kratos.connect(KratosConfig.builder().publicUrl(server.url()).exchangeListener(failing).build())) {
            server.respond("session/token-exchange-unknown.404.json");

            var outcome = kratos.sessions().exchangeToken(Secret.of("init-secret"), Secret.of("return-secret"));

            assertInstanceOf(TokenExchangeOutcome.Rejected.class, outcome);
            String line = seen.get(0).line();
            assertEquals("GET /sessions/token-exchange?init_code=***&return_to_code=*** -> 404", line);
            assertFalse(seen.get(0).toString().contains("secret"));
        }
    }

    @Test
    void anUnreachableServerIsReportedWithoutStatus() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<HttpExchange> seen = new CopyOnWriteArrayList<>();
        try (Kratos kratos = Kratos.connect(KratosConfig.builder().publicUrl("http://127.0.0.1:" + port).exchangeListener(seen::add).build())) {
            assertThrows(KratosTransportException.class, () -> kratos.login().start());

            assertEquals("GET /self-service/login/api -> no answer", seen.get(0).line());
        }
    }
}
