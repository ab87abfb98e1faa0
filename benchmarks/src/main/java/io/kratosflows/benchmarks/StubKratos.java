package io.kratosflows.benchmarks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP/1.1 keep-alive server on loopback that answers the Kratos calls of the whole-call
 * benchmarks with the recorded bodies, as fast as it can, and counts the connections it accepts
 * (in total and open at once): the measure of whether a client's pool is bounded and reused.
 * One thread per connection; requests are read up to their {@code Content-Length}, never parsed.
 */
public final class StubKratos implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "stub-kratos");
        t.setDaemon(true);
        return t;
    });
    private final Map<Body, byte[]> answers = new EnumMap<>(Body.class);
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger maxOpen = new AtomicInteger();
    private volatile boolean closed;

    /** Starts the server on a free loopback port. */
    public StubKratos() {
        for (Body body : Body.values()) {
            byte[] head = ("HTTP/1.1 " + body.status() + " " + reason(body.status()) + "\r\n"
                    + "Content-Type: application/json; charset=utf-8\r\n"
                    + "Content-Length: " + body.bytes().length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] all = new byte[head.length + body.bytes().length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(body.bytes(), 0, all, head.length, body.bytes().length);
            answers.put(body, all);
        }
        try {
            server = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException("no loopback port for the stub", e);
        }
        Thread acceptor = new Thread(this::accept, "stub-kratos-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** {@return the base URL, without a trailing slash} */
    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** {@return the connections accepted since the last {@link #resetCounts}} */
    public int accepted() {
        return accepted.get();
    }

    /** {@return the most connections open at once since the last {@link #resetCounts}} */
    public int maxOpen() {
        return maxOpen.get();
    }

    /** Starts counting again (connections already open stay open and count as open). */
    public void resetCounts() {
        accepted.set(0);
        maxOpen.set(open.get());
    }

    private void accept() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                accepted.incrementAndGet();
                maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                connections.execute(() -> serve(socket));
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("stub: accept failed: " + e);
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream());
             OutputStream out = new BufferedOutputStream(socket.getOutputStream())) {
            StringBuilder line = new StringBuilder(128);
            while (true) {
                String requestLine = readLine(in, line);
                if (requestLine == null) {
                    return; // the client closed the connection
                }
                long contentLength = 0;
                boolean token = false;
                boolean close = false;
                for (String header; !(header = readLine(in, line)).isEmpty(); ) {
                    int colon = header.indexOf(':');
                    String name = header.substring(0, Math.max(colon, 0)).trim();
                    String value = header.substring(colon + 1).trim();
                    if (name.equalsIgnoreCase("Content-Length")) {
                        contentLength = Long.parseLong(value);
                    } else if (name.equalsIgnoreCase("X-Session-Token")) {
                        token = !value.isEmpty();
                    } else if (name.equalsIgnoreCase("Connection")) {
                        close = value.equalsIgnoreCase("close");
                    }
                }
                in.skipNBytes(contentLength);
                out.write(answers.get(route(requestLine, token)));
                out.flush();
                if (close) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // a client gone mid-request: nothing to answer
        } finally {
            open.decrementAndGet();
        }
    }

    private static Body route(String requestLine, boolean token) {
        if (requestLine.startsWith("POST /self-service/login")) {
            return Body.LOGIN_SUCCESS;
        } else if (requestLine.startsWith("GET /self-service/login/api") || requestLine.startsWith("GET /self-service/login/flows")) {
            return Body.LOGIN_FLOW;
        } else if (requestLine.startsWith("GET /self-service/settings/api")) {
            return Body.SETTINGS_FLOW;
        } else if (requestLine.startsWith("GET /sessions/whoami")) {
            return token ? Body.WHOAMI : Body.WHOAMI_NO_TOKEN;
        }
        throw new IllegalArgumentException("stub: no answer for " + requestLine);
    }

    /** {@return one CRLF-terminated line without its terminator; null at the end of the stream before any byte} */
    private static String readLine(InputStream in, StringBuilder line) throws IOException {
        line.setLength(0);
        for (int b; (b = in.read()) != -1; ) {
            if (b == '\n') {
                int end = line.length();
                return line.substring(0, end > 0 && line.charAt(end - 1) == '\r' ? end - 1 : end);
            }
            line.append((char) b);
        }
        if (line.length() == 0) {
            return null;
        }
        throw new IOException("truncated request");
    }

    private static String reason(int status) {
        switch (status) {
            case 200:
                return "OK";
            case 400:
                return "Bad Request";
            case 401:
                return "Unauthorized";
            case 410:
                return "Gone";
            default:
                return "Status";
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // nothing to do: the port is released either way
        }
        connections.shutdownNow();
    }
}
