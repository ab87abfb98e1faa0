package io.kratosflows.cli;

import io.kratosflows.error.KratosTransportException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Tells a server that speaks another protocol from a Kratos that is down. When a connection was
 * accepted but no HTTP answer came (e.g. {@code --kratos-url} names an SSH port), it connects once
 * more and listens: an HTTP server never speaks first, while SSH, SMTP, FTP and database servers
 * greet at once. It runs only after such a failure, so a working Kratos never pays for it.
 */
final class ProtocolProbe {

    private static final int CONNECT_MILLIS = 1000;
    private static final int LISTEN_MILLIS = 700;

    private ProtocolProbe() {
    }

    /**
     * {@code failure} as an unexpected response (exit 5) when the server at {@code url} greets
     * unasked; otherwise {@code failure} unchanged.
     */
    static RuntimeException explain(RuntimeException failure, Optional<CommandContext.Setting> url) {
        if (!(failure instanceof KratosTransportException transport) || transport.isTimeout() || url.isEmpty()
                || nothingAccepted(transport)) {
            return failure;
        }
        URI uri = URI.create(url.get().value());
        return greeting(uri).<RuntimeException>map(g -> new CliException(ExitCode.UNEXPECTED_RESPONSE,
                "the server at " + uri + " does not speak HTTP (it greets with '" + g + "'): check "
                        + url.get().where(), transport))
                .orElse(failure);
    }

    private static boolean nothingAccepted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    /** The first line the server sends before it is asked anything, printable, at most 60 characters. */
    static Optional<String> greeting(URI url) {
        int port = url.getPort() > 0 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(url.getHost(), port), CONNECT_MILLIS);
            socket.setSoTimeout(LISTEN_MILLIS);
            byte[] buffer = new byte[256];
            InputStream in = socket.getInputStream();
            int n = in.read(buffer);
            if (n <= 0) {
                return Optional.empty();
            }
            String line = new String(buffer, 0, n, StandardCharsets.US_ASCII).lines().findFirst().orElse("")
                    .replaceAll("[^\\x20-\\x7e]", "?").strip();
            return line.isEmpty() ? Optional.of("binary data") : Optional.of(line.length() > 60 ? line.substring(0, 60) + "..." : line);
        } catch (IOException silentOrClosed) {
            return Optional.empty();
        }
    }
}
