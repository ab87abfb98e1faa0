package io.kratosflows.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a failed test prints of Kratos's log: its errors since the test began, the last 20. */
class KratosLogErrorsTest {

    @TempDir
    Path dir;

    @Test
    void errorsWrittenSinceTheOffsetOnly() throws Exception {
        Path log = dir.resolve("kratos.log");
        String before = "time=1 level=error msg=earlier test\n";
        Files.writeString(log, before + "time=2 level=info msg=fine\n"
                + "time=3 level=error msg=\"An error occurred\" status_code:500\n"
                + "panic: runtime error\n"
                + "time=4 level=fatal msg=gone\n");

        assertEquals(List.of("time=3 level=error msg=\"An error occurred\" status_code:500", "panic: runtime error",
                "time=4 level=fatal msg=gone"), KratosServer.errorsSince(log, before.length()));
    }

    @Test
    void keepsTheLastTwentyAndToleratesAnOffsetPastTheEnd() throws Exception {
        Path log = dir.resolve("kratos.log");
        Files.writeString(log, String.join("", IntStream.range(0, 30).mapToObj(i -> "level=error n=" + i + "\n").toList()));

        List<String> errors = KratosServer.errorsSince(log, 0);
        assertEquals(20, errors.size());
        assertEquals("level=error n=10", errors.get(0));
        assertEquals(List.of(), KratosServer.errorsSince(log, Files.size(log) + 100));
    }
}
