package io.kratosflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kratosflows.recovery.RecoveryMethod;
import io.kratosflows.verification.VerificationMethod;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Recovery and verification by code take an address (to send a code) or a code, never both or neither. */
class CodeMethodsTest {

    private static final Secret CODE = Secret.of("123456");

    @Test
    void anAddressOrACode() {
        assertEquals(Optional.of("ada@example.org"), RecoveryMethod.Code.request("ada@example.org").email());
        assertEquals(Optional.of(CODE), RecoveryMethod.Code.submit(CODE).code());
        assertEquals(Optional.of("ada@example.org"), VerificationMethod.Code.resend("ada@example.org").email());
        assertEquals(Optional.of(CODE), VerificationMethod.Code.submit(CODE).code());

        assertThrows(IllegalArgumentException.class, () -> new RecoveryMethod.Code(Optional.of("a@b.org"), Optional.of(CODE)));
        assertThrows(IllegalArgumentException.class, () -> RecoveryMethod.Code.request(null));
        assertThrows(IllegalArgumentException.class, () -> new VerificationMethod.Code(Optional.of("a@b.org"), Optional.of(CODE)));
        assertThrows(IllegalArgumentException.class, () -> VerificationMethod.Code.submit(null));
    }
}
