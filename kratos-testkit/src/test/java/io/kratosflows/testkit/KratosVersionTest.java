package io.kratosflows.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class KratosVersionTest {

    @Test
    void parsesReleaseNumbers() {
        KratosVersion v = KratosVersion.parse("v26.2.0");
        assertEquals(26, v.major());
        assertEquals(2, v.minor());
        assertEquals(0, v.patch());
        assertEquals("v26.2.0", v.toString());
        assertEquals(1, KratosVersion.parse("1.3.1").major());
        assertEquals("v26.2.0-pre.1", KratosVersion.parse("v26.2.0-pre.1").text());
        assertThrows(IllegalArgumentException.class, () -> KratosVersion.parse("master"));
    }

    @Test
    void readsTheCliOutput() {
        String output = "Version:\t\t\tv26.2.0\nBuild Commit:\t9d7085948039ffb8960160d4979f71527b5cf4d5\n"
                + "Build Timestamp:\tundefined\n";
        assertEquals(Optional.of(KratosVersion.parse("v26.2.0")), KratosVersion.fromCliOutput(output));
        assertEquals(Optional.empty(), KratosVersion.fromCliOutput("Version: master\n"));
        assertEquals(Optional.empty(), KratosVersion.fromCliOutput("command not found"));
    }

    @Test
    void tellsTheLinesApart() {
        assertTrue(KratosVersion.parse("v1.3.1").isLegacyLine());
        assertFalse(KratosVersion.parse("v25.4.0").isLegacyLine());
        assertTrue(KratosVersion.parse("v1.3.1").isAtLeast(1, 2));
        assertFalse(KratosVersion.parse("v1.1.0").isAtLeast(1, 2));
        assertTrue(KratosVersion.parse("v26.2.0").compareTo(KratosVersion.parse("v1.3.1")) > 0);
    }
}
