package io.kratosflows.testkit;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * A Kratos release folder served on loopback, made in the test: archives laid out as GoReleaser
 * makes them (the binary at the top, beside LICENSE and README.md) holding a small shell script
 * named {@code kratos}, and a {@code checksums.txt}. Files can be served truncated: the answer
 * announces the whole length, sends part of it and closes the connection, as a dropped download
 * does. A plain socket server, since the JDK's keeps a connection open after a short body.
 */
public final class FakeRelease implements AutoCloseable {

    private final ServerSocket server;
    private final Thread acceptor;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Integer> truncatedTo = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private FakeRelease() throws IOException {
        server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptUntilClosed, "fake-kratos-release");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static FakeRelease start() {
        try {
            return new FakeRelease();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder's address with a {@code {version}} placeholder, the value of {@code KRATOS_DOWNLOAD_URL}. */
    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/releases/v{version}/";
    }

    /** Paths requested so far, e.g. {@code /releases/v26.2.0/checksums.txt}. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** Serves {@code body} as {@code name} in the folder of {@code version}. */
    public FakeRelease put(String version, String name, byte[] body) {
        files.put("/releases/v" + version + "/" + name, body.clone());
        return this;
    }

    /** Announces the whole length of {@code name} but sends only {@code bytes} of it, then closes. */
    public FakeRelease truncate(String version, String name, int bytes) {
        truncatedTo.put("/releases/v" + version + "/" + name, bytes);
        return this;
    }

    /** Serves an archive and a checksums.txt listing {@code checksumOf}'s SHA-256 for it. */
    public FakeRelease release(String version, String archiveName, byte[] archive, byte[] checksumOf) {
        put(version, archiveName, archive);
        String checksums = sha256(new byte[] {1}) + "  kratos_" + version + "-other_sqlite_arm64.tar.gz\n"
                + sha256(checksumOf) + "  " + archiveName + "\n";
        return put(version, KratosDownload.CHECKSUMS, checksums.getBytes(StandardCharsets.UTF_8));
    }

    /** A tar.gz like Kratos's: LICENSE, README.md and an executable {@code kratos} script. */
    public static byte[] tarGz(String script, String binaryName) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            entry(tar, "LICENSE", "Apache License 2.0 (test)\n".getBytes(StandardCharsets.UTF_8), 0644);
            entry(tar, "README.md", "# Kratos (test)\n".getBytes(StandardCharsets.UTF_8), 0644);
            entry(tar, binaryName, script.getBytes(StandardCharsets.UTF_8), 0755);
            // Incompressible padding, so that a download takes several reads and progress can be shown.
            byte[] padding = new byte[512 * 1024];
            new java.util.Random(14).nextBytes(padding);
            entry(tar, "padding.bin", padding, 0644);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A zip like Kratos's Windows archive. */
    public static byte[] zip(String binaryName, String content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("LICENSE"));
            zip.write("Apache License 2.0 (test)\n".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(binaryName));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A {@code kratos} that prints a version like Kratos's CLI, or runs {@code delegate} when given. */
    public static String script(String version) {
        return "#!/bin/sh\nif [ \"$1\" = version ]; then echo \"Version:    v" + version + "\"; exit 0; fi\n"
                + "echo \"fake kratos $*\" >&2\nexit 3\n";
    }

    public static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@return the name of this platform's archive of {@code version}, e.g. {@code kratos_26.2.0-linux_sqlite_64bit.tar.gz}} */
    public static String archiveName(String version) {
        return KratosPlatform.current().orElseThrow().archiveName(version);
    }

    /** A loopback port nothing listens on: the address of a download with no network. */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void entry(TarArchiveOutputStream tar, String name, byte[] body, int mode) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(body.length);
        entry.setMode(mode);
        tar.putArchiveEntry(entry);
        tar.write(body);
        tar.closeArchiveEntry();
    }

    private void acceptUntilClosed() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                serve(socket);
            } catch (IOException e) {
                // closed by close(), or a client that went away: nothing to answer
            }
        }
    }

    private void serve(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        String requestLine = in.readLine();
        for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
            // headers are not needed
        }
        if (requestLine == null) {
            return;
        }
        String path = requestLine.split(" ")[1];
        requests.add(path);
        byte[] body = files.get(path);
        OutputStream out = socket.getOutputStream();
        if (body == null) {
            out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            return;
        }
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body, 0, truncatedTo.getOrDefault(path, body.length));
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
            acceptor.join(5_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
