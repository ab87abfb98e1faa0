package io.kratosflows.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 server on raw sockets, for faults a well-behaved server cannot produce: bytes
 * that are not HTTP, truncated bodies, connection resets, silence, bodies dripped a byte at a time,
 * huge streamed bodies, and keep-alive connections closed behind the client's back. Each request is
 * answered by the {@link Behaviour} given at construction; the server counts connections
 * (also how many were open at once) and requests by method.
 */
public final class FaultServer implements AutoCloseable {

    /** A request as received: method, target (path and query) and head. */
    public record Request(String method, String target, String head, byte[] body) {
        /** {@return the value of a header, or null} */
        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    /** How to answer one request on a connection. */
    @FunctionalInterface
    public interface Behaviour {
        /**
         * Answers a request.
         *
         * @return whether to keep the connection open for another request
         */
        boolean answer(Request request, Socket socket, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-server");
        t.setDaemon(true);
        return t;
    });
    private final Behaviour behaviour;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger openNow = new AtomicInteger();
    private final AtomicInteger mostOpen = new AtomicInteger();

    /** Starts on a free loopback port. */
    public FaultServer(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.server = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    /** {@return the base URL} */
    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** {@return the requests received so far} */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** {@return how many requests with this method arrived} */
    public long count(String method) {
        return requests.stream().filter(r -> r.method().equals(method)).count();
    }

    /** {@return the connections accepted so far} */
    public int connections() {
        return connections.get();
    }

    /** {@return the most connections that were open at the same time} */
    public int mostOpenAtOnce() {
        return mostOpen.get();
    }

    /** {@return the connections open now} */
    public int openNow() {
        return openNow.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                mostOpen.accumulateAndGet(openNow.incrementAndGet(), Math::max);
                open.add(socket);
                try {
                    threads.execute(() -> serve(socket));
                } catch (RejectedExecutionException e) {
                    socket.close(); // accepted while the server shut down
                    return;
                }
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                Request request = read(in);
                if (request == null) {
                    return;
                }
                requests.add(request);
                if (!behaviour.answer(request, socket, out)) {
                    return;
                }
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the client went away, or the behaviour broke the connection on purpose
        } finally {
            open.remove(socket);
            openNow.decrementAndGet();
        }
    }

    private static Request read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        while (last4 != 0x0d0a0d0a) { // the head ends with CRLF CRLF
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            last4 = (last4 << 8) | b;
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        String[] line = text.substring(0, text.indexOf("\r\n")).split(" ");
        Request partial = new Request(line[0], line.length > 1 ? line[1] : "", text, new byte[0]);
        String length = partial.header("Content-Length");
        byte[] body = length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
        return new Request(partial.method(), partial.target(), text, body);
    }

    // ---- behaviours -------------------------------------------------------------------------

    /** {@return a complete response with a body and these extra header lines ("Name: value")} */
    public static byte[] response(int status, String contentType, byte[] body, String... headers) {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    /** {@return a JSON response} */
    public static byte[] json(int status, String body, String... headers) {
        return response(status, "application/json; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** {@return a behaviour that writes these bytes and keeps the connection} */
    public static Behaviour bytes(byte[] answer) {
        return (request, socket, out) -> {
            out.write(answer);
            return true;
        };
    }

    /** {@return a behaviour that writes these bytes and closes the connection} */
    public static Behaviour bytesThenClose(byte[] answer) {
        return (request, socket, out) -> {
            out.write(answer);
            out.flush();
            return false;
        };
    }

    /** {@return a behaviour that resets the connection (TCP RST) instead of answering} */
    public static Behaviour reset() {
        return (request, socket, out) -> {
            socket.setSoLinger(true, 0);
            return false;
        };
    }

    /** {@return a behaviour that closes the connection without a byte of answer} */
    public static Behaviour noAnswer() {
        return (request, socket, out) -> false;
    }

    /** {@return a behaviour that never answers (until the client gives up or the server closes)} */
    public static Behaviour silence() {
        return (request, socket, out) -> {
            try {
                while (socket.getInputStream().read() >= 0) {
                    // wait for the client to close
                }
            } catch (SocketException e) {
                // closed
            }
            return false;
        };
    }

    /** {@return a behaviour that sends the head of a JSON response at once, then its body one byte per interval} */
    public static Behaviour drip(String body, long intervalMillis) {
        return (request, socket, out) -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            for (byte b : bytes) {
                out.flush();
                TimeUnit.MILLISECONDS.sleep(intervalMillis);
                out.write(b);
            }
            return false;
        };
    }

    /** {@return a behaviour that streams a JSON-looking body of {@code size} bytes, chunked or with a length} */
    public static Behaviour huge(long size, boolean chunked) {
        return (request, socket, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n\r\n" : "Content-Length: " + size + "\r\n\r\n"))
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] block = new byte[64 * 1024];
            java.util.Arrays.fill(block, (byte) ' ');
            block[0] = '[';
            for (long sent = 0; sent < size; sent += block.length) {
                int n = (int) Math.min(block.length, size - sent);
                if (chunked) {
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                }
                out.write(block, 0, n);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                block[0] = ' ';
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            return false;
        };
    }

    /** {@return a behaviour that answers, keeps the connection "alive", and closes it quietly after a delay} */
    public static Behaviour answerThenCloseAfter(byte[] answer, long closeAfterMillis) {
        return (request, socket, out) -> {
            out.write(answer);
            out.flush();
            Thread closer = new Thread(() -> {
                try {
                    Thread.sleep(closeAfterMillis);
                    socket.close();
                } catch (IOException | InterruptedException e) {
                    // already closed
                }
            });
            closer.setDaemon(true);
            closer.start();
            return true;
        };
    }

    private static String reason(int status) {
        switch (status) {
            case 200: return "OK";
            case 204: return "No Content";
            case 303: return "See Other";
            case 400: return "Bad Request";
            case 401: return "Unauthorized";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 410: return "Gone";
            case 422: return "Unprocessable Entity";
            case 429: return "Too Many Requests";
            case 500: return "Internal Server Error";
            case 502: return "Bad Gateway";
            case 503: return "Service Unavailable";
            default: return "Status";
        }
    }

    @Override
    public String toString() {
        return "FaultServer[" + url() + ", " + connections() + " connections]";
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // nothing to do
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                // nothing to do
            }
        }
        threads.shutdownNow();
    }
}
