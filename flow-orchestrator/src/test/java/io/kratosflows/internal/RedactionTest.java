package io.kratosflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bodies quoted in exceptions keep their shape and ids, never a secret or free text. */
class RedactionTest {

    private static String excerpt(String body) {
        KratosResponse response = KratosResponse.of(400, body);
        return Redaction.excerpt(body.getBytes(StandardCharsets.UTF_8), response.json());
    }

    @Test
    void secretsAndFreeTextAreMaskedIdsAndStatesKept() {
        String body = "{\"error\":{\"id\":\"x_failed\",\"code\":400,\"message\":\"pw hunter2\",\"reason\":\"bad token ory_st_abc\"},"
                + "\"session_token\":\"opaque-token-without-prefix\",\"password\":\"hunter2\",\"identifier\":\"ada\","
                + "\"totp_secret_key\":\"JBSWY3DP\",\"lookup_secret_codes\":[\"aaaa\",\"bbbb\"],\"id_token\":\"eyJ\","
                + "\"session_token_exchange_code\":\"xc\",\"state\":\"show_form\"}";

        String shown = excerpt(body);

        for (String secret : List.of("hunter2", "ory_st_abc", "opaque-token", "JBSWY3DP", "aaaa", "eyJ", "\"xc\"", "ada\"")) {
            assertFalse(shown.contains(secret), secret + " in " + shown);
        }
        assertTrue(shown.contains("\"id\":\"x_failed\""), shown);
        assertTrue(shown.contains("\"code\":400"), shown);
        assertTrue(shown.contains("\"state\":\"show_form\""), shown);
    }

    @Test
    void aTotpSecretShownAsATextNodeIsMasked() {
        String body = "{\"ui\":{\"nodes\":[{\"type\":\"text\",\"group\":\"totp\",\"attributes\":{\"node_type\":\"text\","
                + "\"id\":\"totp_secret_key\",\"text\":{\"id\":1050006,\"text\":\"JBSWY3DPEHPK3PXP\",\"type\":\"info\","
                + "\"context\":{\"secret\":\"JBSWY3DPEHPK3PXP\"}}}},{\"type\":\"input\",\"group\":\"password\","
                + "\"attributes\":{\"node_type\":\"input\",\"name\":\"password\",\"value\":\"echoed\"}}]}}";

        String shown = excerpt(body);

        assertFalse(shown.contains("JBSWY3DP"), shown);
        assertFalse(shown.contains("echoed"), shown);
        assertTrue(shown.contains("\"name\":\"password\""), "an input's name is kept: " + shown);
        assertTrue(shown.contains("1050006"), shown);
    }

    @Test
    void aBodyThatIsNotJsonIsNotQuoted() {
        String html = "<html>token=ory_st_x</html>";
        assertEquals("<" + html.length() + " bytes, not JSON; not shown>", excerpt(html));
        assertEquals("<empty>", excerpt(""));
    }

    @Test
    void longBodiesAreCut() {
        String body = "{\"items\":[" + "{\"id\":\"abcdefgh\"},".repeat(100) + "{}]}";

        String shown = excerpt(body);

        assertEquals(303, shown.length());
        assertTrue(shown.endsWith("..."));
    }

    @Test
    void anIdOf128CharactersIsShownAndALongerOneIsNot() {
        String id128 = "a".repeat(128);

        assertEquals("{\"id\":\"" + id128 + "\"}", excerpt("{\"id\":\"" + id128 + "\"}"));
        assertEquals("{\"id\":\"***\"}", excerpt("{\"id\":\"" + id128 + "a\"}"));
        assertEquals("{\"id\":\"***\"}", excerpt("{\"id\":\"ory_st_x\"}"));
    }

    @Test
    void anExcerptOfExactly300CharactersIsNotCut() {
        String body = "{\"a\":[10" + ",1".repeat(145) + "]}";

        assertEquals(300, excerpt(body).length());
        assertFalse(excerpt(body).endsWith("..."));
    }
}
