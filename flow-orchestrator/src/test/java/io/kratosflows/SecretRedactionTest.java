package io.kratosflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.ui.MessageType;
import io.kratosflows.ui.NodeAttributes;
import io.kratosflows.ui.UiMessage;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Secrets never print: tokens, passwords, codes, TOTP secrets and lookup codes. */
class SecretRedactionTest {

    @Test
    void secretAndTokenPrintRedactedButKeepTheirValue() {
        Secret password = Secret.of("hunter2-hunter2");
        SessionToken token = SessionToken.of("ory_st_abcdef");

        assertEquals("Secret[***]", password.toString());
        assertEquals("SessionToken[***]", token.toString());
        assertEquals("hunter2-hunter2", password.reveal());
        assertEquals("ory_st_abcdef", token.reveal());
        assertFalse(String.valueOf(new ContinueWith.SetSessionToken(token)).contains("abcdef"));
    }

    @Test
    void equalityComparesValues() {
        assertEquals(Secret.of("a"), Secret.of("a"));
        assertNotEquals(Secret.of("a"), Secret.of("b"));
        assertEquals(SessionToken.of("t"), SessionToken.of("t"));
        assertThrows(IllegalArgumentException.class, () -> SessionToken.of(" "));
    }

    @Test
    void messagesThatHoldSecretsPrintRedacted() {
        UiMessage totpSecret = new UiMessage(1050006, MessageType.INFO, "info", "JBSWY3DPEHPK3PXP",
                Map.of("secret", "JBSWY3DPEHPK3PXP"));
        UiMessage invalid = new UiMessage(4000006, MessageType.ERROR, "error", "The provided credentials are invalid.", Map.of());

        assertTrue(totpSecret.holdsSecret());
        assertFalse(totpSecret.toString().contains("JBSWY3DPEHPK3PXP"));
        assertTrue(invalid.toString().contains("credentials are invalid"));
    }

    @Test
    void qrCodeDataUrlPrintsRedacted() {
        NodeAttributes.Image qr = new NodeAttributes.Image("totp_qr", "data:image/png;base64,SECRETSECRET", Optional.of(256), Optional.empty());

        assertFalse(qr.toString().contains("SECRETSECRET"));
        assertTrue(qr.toString().contains("totp_qr"));
    }
}
