package io.kratosflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.session.WhoamiOutcome;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One client, many threads: every response reaches the thread that asked. A local server answers
 * each login and whoami with values derived from that request (identifier, token), so any
 * cross-talk between threads shows up as a mismatch.
 */
class ConcurrentClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sixteenThreadsNeverSeeEachOthersAnswers() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", ConcurrentClientTest::answer);
        server.start();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try (Kratos kratos = Kratos.connect(KratosConfig.builder().publicUrl("http://127.0.0.1:" + server.getAddress().getPort()).build())) {
            List<Future<Integer>> users = new ArrayList<>();
            for (int u = 0; u < 16; u++) {
                String user = "user" + u;
                users.add(clients.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        var login = kratos.login().submit(kratos.login().start(), new LoginMethod.Password(user, Secret.of("pw-" + i)));
                        SessionToken token = assertInstanceOf(LoginOutcome.Completed.class, login).token();
                        assertEquals("ory_st_" + user, token.reveal());
                        var me = assertInstanceOf(WhoamiOutcome.Active.class, kratos.sessions().whoami(token));
                        assertEquals(user, me.session().identity().orElseThrow().traits().text("email").orElseThrow());
                    }
                    return 40;
                }));
            }
            int rounds = 0;
            for (Future<Integer> user : users) {
                rounds += user.get(60, TimeUnit.SECONDS);
            }
            assertEquals(640, rounds);
        } finally {
            clients.shutdownNow();
            server.stop(0);
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body;
        int status = 200;
        if (path.equals("/self-service/login/api")) {
            body = "{\"id\":\"11111111-1111-4111-8111-111111111111\",\"type\":\"api\",\"ui\":{\"action\":\"x\",\"method\":\"POST\",\"nodes\":[]}}";
        } else if (path.equals("/self-service/login")) {
            String user = JSON.readTree(exchange.getRequestBody()).path("identifier").asText();
            body = "{\"session_token\":\"ory_st_" + user + "\",\"session\":" + session(user) + "}";
        } else if (path.equals("/sessions/whoami")) {
            String token = exchange.getRequestHeaders().getFirst("X-Session-Token");
            body = session(token.substring("ory_st_".length()));
        } else {
            status = 404;
            body = "{\"error\":{\"code\":404,\"message\":\"not found\"}}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String session(String user) {
        return "{\"id\":\"s-" + user + "\",\"active\":true,\"authenticator_assurance_level\":\"aal1\","
                + "\"identity\":{\"id\":\"i-" + user + "\",\"schema_id\":\"default\",\"traits\":{\"email\":\"" + user + "\"}}}";
    }
}
