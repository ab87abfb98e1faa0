package io.kratosflows;

import io.kratosflows.error.UnexpectedResponseException;
import io.kratosflows.testing.FaultServer;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Run by {@link BoundedMemoryTest} in a JVM with a 64 MB heap: whoami against a 200 MB body (with a
 * length, and chunked) and a gzip bomb (1 MB that inflates to 1 GB). Prints one line per case and
 * exits 0 only when each was refused with an {@link UnexpectedResponseException}.
 */
final class SmallHeapRun {

    private SmallHeapRun() {
    }

    public static void main(String[] args) throws Exception {
        long size = 200L << 20;
        Map<String, FaultServer.Behaviour> cases = new LinkedHashMap<>();
        cases.put("200 MB with Content-Length", FaultServer.huge(size, false));
        cases.put("200 MB chunked", FaultServer.huge(size, true));
        cases.put("gzip bomb", FaultServer.bytes(FaultServer.response(200, "application/json", gzipOfZeros(1L << 30),
                "Content-Encoding: gzip")));
        int refused = 0;
        for (Map.Entry<String, FaultServer.Behaviour> c : cases.entrySet()) {
            try (FaultServer server = new FaultServer(c.getValue());
                 Kratos kratos = Kratos.connect(KratosConfig.builder().publicUrl(server.url()).build())) {
                Object outcome = kratos.sessions().whoami(SessionToken.of("ory_st_small_heap"));
                System.out.println(c.getKey() + ": " + outcome);
            } catch (UnexpectedResponseException e) {
                refused++;
                System.out.println(c.getKey() + ": refused: " + e.getMessage());
            } catch (Throwable t) {
                System.out.println(c.getKey() + ": FAILED: " + t);
            }
        }
        System.out.println("max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MB; refused " + refused + " of " + cases.size());
        System.exit(refused == cases.size() ? 0 : 1);
    }

    private static byte[] gzipOfZeros(long size) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written < size; written += zeros.length) {
                gzip.write(zeros);
            }
        }
        return bytes.toByteArray();
    }
}
