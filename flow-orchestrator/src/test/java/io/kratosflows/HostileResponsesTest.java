package io.kratosflows;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.error.KratosErrorException;
import io.kratosflows.error.KratosTransportException;
import io.kratosflows.error.RateLimitedException;
import io.kratosflows.error.UnexpectedResponseException;
import io.kratosflows.testing.FaultServer;
import io.kratosflows.testing.RecordedResponses;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every call (start, fetch and submit of each flow, whoami, logout, token exchange) against a
 * loopback server that misbehaves in one way per case: malformed, truncated, empty, HTML, wrong
 * content type, wrong-typed and null fields, duplicate keys, invalid UTF-8, unknown statuses,
 * redirects, resets, no answer, silence, bytes that are not HTTP, bodies echoing the request. Only
 * outcomes or the documented {@code KratosException} kinds may come out, and nothing that comes out
 * may print a secret the call sent. The table of what came out is printed at the end.
 */
class HostileResponsesTest {

    private static final Set<Class<?>> DOCUMENTED = Set.of(KratosTransportException.class, UnexpectedResponseException.class,
            KratosErrorException.class, RateLimitedException.class);
    private static final Map<String, Set<String>> TABLE = new TreeMap<>();

    /** A way to misbehave. */
    record Fault(String name, FaultServer.Behaviour behaviour) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Fault> faults() {
        String flow = RecordedResponses.body("login/create.200.json");
        String session = RecordedResponses.body("session/whoami.200.json");
        List<Fault> faults = new ArrayList<>(List.of(
                fault("malformed JSON", 200, "{\"id\": \"x\", \"ui\": {"),
                new Fault("truncated body", FaultServer.bytesThenClose(truncated(flow))),
                fault("empty body", 200, ""),
                new Fault("proxy HTML 502", FaultServer.bytes(FaultServer.response(502, "text/html",
                        "<html><body><h1>502 Bad Gateway</h1></body></html>".getBytes(StandardCharsets.UTF_8)))),
                new Fault("flow as text/html", FaultServer.bytes(FaultServer.response(200, "text/html",
                        flow.getBytes(StandardCharsets.UTF_8)))),
                new Fault("charset=???", FaultServer.bytes(FaultServer.response(200, "application/json; charset=???",
                        flow.getBytes(StandardCharsets.UTF_8)))),
                fault("wrong-typed fields", 200, "{\"id\":42,\"ui\":\"x\",\"session_token\":5,\"session\":[],\"identity\":\"x\","
                        + "\"continue_with\":{},\"error\":\"x\",\"state\":[]}"),
                fault("null fields", 200, "{\"id\":null,\"ui\":null,\"session_token\":null,\"session\":null,\"identity\":null,"
                        + "\"error\":null,\"continue_with\":null,\"active\":null}"),
                fault("duplicate keys", 200, "{\"id\":\"a\",\"id\":\"b\",\"ui\":{\"nodes\":[]}}"),
                new Fault("invalid UTF-8", FaultServer.bytes(FaultServer.response(200, "application/json",
                        new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', ',', '"', 'u', 'i', '"', ':', '{', '}', '}'}))),
                fault("status 418 with a flow", 418, flow),
                fault("status 299", 299, session),
                fault("flow id empty", 200, "{\"id\":\"\",\"ui\":{\"nodes\":[]}}"),
                fault("flow id blank", 200, "{\"id\":\" \",\"ui\":{\"nodes\":[]}}"),
                fault("flow id object", 200, "{\"id\":{},\"ui\":{\"nodes\":[]}}"),
                fault("flow id array", 200, "{\"id\":[],\"ui\":{\"nodes\":[]}}"),
                fault("session_token empty", 200, "{\"session_token\":\"\",\"session\":" + session + ",\"identity\":{\"id\":\"\"}}"),
                fault("session_token number", 200, "{\"session_token\":7,\"session\":" + session + "}"),
                fault("continue_with empty ids", 200, "{\"id\":\"f\",\"ui\":{\"nodes\":[]},\"continue_with\":[{\"action\":"
                        + "\"set_ory_session_token\",\"ory_session_token\":\"\"},{\"action\":\"show_settings_ui\",\"flow\":{\"id\":\" \"}}]}"),
                redirect("302 elsewhere", 302, "http://127.0.0.2:1/elsewhere?flow=1"),
                redirect("303 Location ::::", 303, "::::"),
                redirect("303 Location with spaces", 303, "http://exa mple.org/a b?flow=1"),
                redirect("303 Location ?flow=%zz", 303, "?flow=%zz"),
                redirect("307 no Location", 307, null),
                fault("429 Retry-After garbage", 429, "", "Retry-After: soon", "X-RateLimit-Limit: lots"),
                fault("503 Retry-After huge", 503, "", "Retry-After: 99999999999999999999"),
                new Fault("connection reset", FaultServer.reset()),
                new Fault("no answer", FaultServer.noAnswer()),
                new Fault("silence", FaultServer.silence()),
                new Fault("not HTTP", FaultServer.bytesThenClose("SSH-2.0-OpenSSH_9.6\r\n".getBytes(StandardCharsets.ISO_8859_1))),
                new Fault("body over the cap", FaultServer.huge(5L << 20, false)),
                new Fault("chunked body over the cap", FaultServer.huge(5L << 20, true)),
                fault("nesting 10,000 deep", 200, "[".repeat(10_000)),
                fault("string of 2 MB", 200, "{\"id\":\"" + "a".repeat(2 << 20) + "\",\"ui\":{}}"),
                fault("number of 100 digits", 200, "{\"id\":\"f\",\"ui\":{\"nodes\":[{\"attributes\":{\"node_type\":\"input\","
                        + "\"maxlength\":" + "9".repeat(100) + "}}]}}")));
        for (int status : new int[] {200, 400, 403, 410, 422, 500}) {
            faults.add(new Fault("echo of the request, " + status, echo(status, false)));
            faults.add(new Fault("error echoing the request, " + status, echo(status, true)));
        }
        return faults.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void onlyOutcomesOrDocumentedExceptionsComeOutAndNoneNamesASecret(Fault fault) throws Exception {
        List<String> violations = new ArrayList<>();
        try (FaultServer server = new FaultServer(fault.behaviour());
             Kratos kratos = Kratos.connect(KratosConfig.builder().publicUrl(server.url()).connectTimeout(Duration.ofMillis(500))
                     .readTimeout(Duration.ofMillis(500)).callTimeout(Duration.ofSeconds(1)).build())) {
            for (EveryCall call : EveryCall.all()) {
                String shown;
                String kind;
                try {
                    Object outcome = call.run().apply(kratos);
                    kind = outcome.getClass().getEnclosingClass() == null ? outcome.getClass().getSimpleName()
                            : outcome.getClass().getEnclosingClass().getSimpleName() + "." + outcome.getClass().getSimpleName();
                    shown = String.valueOf(outcome);
                } catch (RuntimeException e) {
                    kind = e.getClass().getSimpleName();
                    shown = e + " " + String.valueOf(e.getCause());
                    if (!DOCUMENTED.contains(e.getClass())) {
                        violations.add(call + ": undocumented " + e);
                    }
                    if (e instanceof KratosErrorException k) {
                        shown += " " + k.error();
                    }
                }
                for (String secret : EveryCall.secrets()) {
                    if (shown.contains(secret)) {
                        violations.add(call + ": prints a secret: " + shown);
                    }
                }
                synchronized (TABLE) {
                    TABLE.computeIfAbsent(fault.name(), f -> new TreeSet<>()).add(kind);
                }
            }
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }

    @AfterAll
    static void printTable() {
        StringBuilder table = new StringBuilder("\n| fault | what came out (over all 18 calls) |\n|---|---|\n");
        TABLE.forEach((fault, kinds) -> table.append("| ").append(fault).append(" | ").append(String.join(", ", kinds)).append(" |\n"));
        System.out.println(table);
    }

    private static Fault fault(String name, int status, String body, String... headers) {
        return new Fault(name, FaultServer.bytes(FaultServer.json(status, body, headers)));
    }

    private static Fault redirect(String name, int status, String location) {
        return new Fault(name, FaultServer.bytes(location == null ? FaultServer.json(status, "")
                : FaultServer.json(status, "", "Location: " + location)));
    }

    private static byte[] truncated(String body) {
        byte[] full = FaultServer.json(200, body);
        return java.util.Arrays.copyOf(full, full.length - body.length() / 2);
    }

    /** A proxy that reflects what it got: the request line, headers and body, as JSON or inside an error. */
    private static FaultServer.Behaviour echo(int status, boolean asError) {
        return (request, socket, out) -> {
            String reflected = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                    .put("request", request.method() + " " + request.target()).put("head", request.head())
                    .put("body", new String(request.body(), StandardCharsets.UTF_8)).toString();
            String body = new String(request.body(), StandardCharsets.UTF_8);
            String json = asError
                    ? "{\"error\":{\"id\":\"x_failed\",\"code\":" + status + ",\"message\":" + quote(reflected) + ",\"reason\":"
                            + quote("bad token " + request.header("X-Session-Token") + " in " + request.target()) + ",\"details\":"
                            + (body.startsWith("{") ? body : "{}") + "}}"
                    : body.startsWith("{") ? body : "{\"echo\":" + quote(reflected) + "}";
            out.write(FaultServer.json(status, json));
            return true;
        };
    }

    private static String quote(String text) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString();
    }
}
