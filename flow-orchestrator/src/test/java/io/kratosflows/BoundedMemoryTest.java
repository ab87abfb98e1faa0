package io.kratosflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.testing.ChildJvm;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * #19: a 200 MB body (or 100 MB with a 256 MB heap) ran the JVM out of memory, and so did a 1 MB
 * gzip bomb. In a JVM of its own with a 64 MB heap ({@link SmallHeapRun}), each is now refused
 * while streaming, with bounded memory.
 */
class BoundedMemoryTest {

    @Test
    void hugeBodiesAndAGzipBombAreRefusedWithA64MbHeap() throws Exception {
        ChildJvm.Result result = ChildJvm.run(ChildJvm.currentJava(), List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
                SmallHeapRun.class, 120);

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("refused 3 of 3"), result.output());
        assertTrue(result.output().contains("200 MB chunked: refused: whoami: the response body exceeds the limit of 4194304 bytes"),
                result.output());
        System.out.println(result.output());
    }
}
