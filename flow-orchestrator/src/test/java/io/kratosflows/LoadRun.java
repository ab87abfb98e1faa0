package io.kratosflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.session.LogoutOutcome;
import io.kratosflows.session.WhoamiOutcome;
import io.kratosflows.settings.SettingsFlow;
import io.kratosflows.testing.FaultServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Mixed flows from many threads through one shared {@code Kratos}: login start and submit, whoami,
 * settings fetch and logout, every answer derived from its own request (identifier, token, flow
 * id), so any cross-talk between threads is a mismatch. Run in-process by {@link LoadTest} on
 * platform threads, and as a main class in a JDK 21+ JVM on virtual threads.
 */
final class LoadRun {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a run saw. */
    record Report(int rounds, int requests, int mostConnectionsAtOnce, int poolSize) {
    }

    private LoadRun() {
    }

    /** Runs {@code users} users, {@code rounds} rounds each, on the executor; fails on any mismatch. */
    static Report run(ExecutorService executor, int users, int rounds, int poolSize) throws Exception {
        try (FaultServer server = new FaultServer(LoadRun::answer);
             Kratos kratos = Kratos.connect(KratosConfig.builder().publicUrl(server.url()).maxConnections(poolSize).build())) {
            List<Future<Integer>> done = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                String user = "user" + u;
                done.add(executor.submit(() -> {
                    for (int i = 0; i < rounds; i++) {
                        round(kratos, user, i);
                    }
                    return rounds;
                }));
            }
            int total = 0;
            for (Future<Integer> f : done) {
                total += f.get(5, TimeUnit.MINUTES);
            }
            return new Report(total, server.requests().size(), server.mostOpenAtOnce(), poolSize);
        } finally {
            executor.shutdownNow();
        }
    }

    private static void round(Kratos kratos, String user, int i) {
        var login = kratos.login().submit(kratos.login().start(), new LoginMethod.Password(user, Secret.of("pw-" + user + i)));
        SessionToken token = expect(LoginOutcome.Completed.class, login).token();
        check(token.reveal().equals("ory_st_" + user), "token of " + user + ": " + token.reveal());
        WhoamiOutcome me = kratos.sessions().whoami(token);
        check(expect(WhoamiOutcome.Active.class, me).session().identity().orElseThrow().traits().text("email").orElseThrow().equals(user),
                "whoami of " + user);
        FlowId id = FlowId.of("flow-" + user + "-" + i);
        SettingsFlow settings = kratos.settings().fetch(id, token);
        check(settings.id().equals(id) && settings.identity().orElseThrow().traits().text("email").orElseThrow().equals(user),
                "settings of " + user);
        LogoutOutcome logout = kratos.sessions().logout(SessionToken.of("ory_st_" + user + (i % 2 == 0 ? "" : "-revoked")));
        check(i % 2 == 0 ? logout instanceof LogoutOutcome.LoggedOut : logout instanceof LogoutOutcome.SessionNotFound,
                "logout of " + user + ": " + logout);
    }

    private static <T> T expect(Class<T> kind, Object outcome) {
        check(kind.isInstance(outcome), "expected " + kind.getSimpleName() + ", got " + outcome);
        return kind.cast(outcome);
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError("cross-talk or wrong answer: " + what);
        }
    }

    private static boolean answer(FaultServer.Request request, java.net.Socket socket, java.io.OutputStream out) throws java.io.IOException {
        String path = request.target().split("\\?")[0];
        String token = request.header("X-Session-Token");
        byte[] answer;
        if (path.equals("/self-service/login/api")) {
            answer = FaultServer.json(200, "{\"id\":\"11111111-1111-4111-8111-111111111111\",\"type\":\"api\",\"ui\":{\"action\":\"x\","
                    + "\"method\":\"POST\",\"nodes\":[]}}");
        } else if (path.equals("/self-service/login")) {
            String user = JSON.readTree(request.body()).path("identifier").asText();
            answer = FaultServer.json(200, "{\"session_token\":\"ory_st_" + user + "\",\"session\":" + session(user) + "}");
        } else if (path.equals("/sessions/whoami")) {
            answer = FaultServer.json(200, session(token.substring("ory_st_".length())));
        } else if (path.equals("/self-service/settings/flows")) {
            String id = request.target().substring(request.target().indexOf("id=") + 3);
            answer = FaultServer.json(200, "{\"id\":\"" + id + "\",\"type\":\"api\",\"ui\":{\"action\":\"x\",\"method\":\"POST\","
                    + "\"nodes\":[]},\"identity\":" + identity(token.substring("ory_st_".length())) + "}");
        } else if (path.equals("/self-service/logout/api")) {
            JsonNode body = JSON.readTree(new String(request.body(), StandardCharsets.UTF_8));
            answer = body.path("session_token").asText().endsWith("-revoked")
                    ? FaultServer.json(403, "{\"error\":{\"code\":403,\"status\":\"Forbidden\"}}")
                    : FaultServer.response(204, null, new byte[0]);
        } else {
            answer = FaultServer.json(404, "{\"error\":{\"code\":404}}");
        }
        out.write(answer);
        return true;
    }

    private static String session(String user) {
        return "{\"id\":\"s-" + user + "\",\"active\":true,\"authenticator_assurance_level\":\"aal1\",\"identity\":" + identity(user) + "}";
    }

    private static String identity(String user) {
        return "{\"id\":\"i-" + user + "\",\"schema_id\":\"default\",\"traits\":{\"email\":\"" + user + "\"}}";
    }

    /** Virtual threads in a JDK 21+ JVM (the build targets 17, so the executor is made by reflection). */
    public static void main(String[] args) throws Exception {
        ExecutorService virtual = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        Report report = run(virtual, Integer.parseInt(args[0]), Integer.parseInt(args[1]), 20);
        System.out.println("OK " + report);
        System.exit(report.mostConnectionsAtOnce() <= report.poolSize() ? 0 : 1);
    }
}
