package io.kratosflows.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** TOTP codes match RFC 6238's SHA-1 test vectors (last six digits). */
class TotpTest {

    // Base32 of the RFC 6238 SHA-1 seed "12345678901234567890".
    private static final String SEED = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void rfc6238Vectors() {
        assertEquals("287082", Totp.code(SEED, Instant.ofEpochSecond(59)));
        assertEquals("081804", Totp.code(SEED, Instant.ofEpochSecond(1111111109)));
        assertEquals("050471", Totp.code(SEED, Instant.ofEpochSecond(1111111111)));
        assertEquals("005924", Totp.code(SEED, Instant.ofEpochSecond(1234567890)));
        assertEquals("279037", Totp.code(SEED, Instant.ofEpochSecond(2000000000)));
    }

    @Test
    void base32DecodingAndRejection() {
        assertArrayEquals("12345678901234567890".getBytes(StandardCharsets.US_ASCII), Totp.decode(SEED.toLowerCase()));
        assertArrayEquals("12345678901234567890".getBytes(StandardCharsets.US_ASCII),
                Totp.decode("GEZDGNBV GY3TQOJQ GEZDGNBV GY3TQOJQ"));
        assertArrayEquals("f".getBytes(StandardCharsets.US_ASCII), Totp.decode("MY======"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> Totp.decode("NOT-BASE32"));
        assertFalse(bad.getMessage().contains("NOT-BASE32"), "the secret stays out of the message");
        assertThrows(IllegalArgumentException.class, () -> Totp.code("GEZDGNBV1", Instant.EPOCH));
        assertThrows(IllegalArgumentException.class, () -> Totp.code("", Instant.EPOCH));
    }
}
