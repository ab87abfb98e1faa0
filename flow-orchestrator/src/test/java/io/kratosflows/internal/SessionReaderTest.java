package io.kratosflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.Aal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Sessions and identities need an id; everything else may be missing. */
class SessionReaderTest {

    @Test
    void anIdentityNeedsANonBlankIdAndTolerantTraits() {
        assertTrue(SessionReader.identity(FakeCalls.tree("{\"id\":\" \"}")).isEmpty());
        assertTrue(SessionReader.identity(FakeCalls.tree("{\"traits\":{}}")).isEmpty());
        assertTrue(SessionReader.identity(FakeCalls.tree("\"id\"")).isEmpty());

        var identity = SessionReader.identity(FakeCalls.tree("{\"id\":\"i-1\",\"traits\":\"not an object\","
                + "\"verifiable_addresses\":[{\"value\":\"a@b.org\",\"via\":\"email\",\"verified\":true,\"status\":\"completed\"}],"
                + "\"recovery_addresses\":[{\"value\":\"a@b.org\",\"via\":\"email\"}]}")).orElseThrow();
        assertTrue(identity.traits().isEmpty());
        assertEquals("", identity.schemaId());
        assertTrue(identity.verifiableAddresses().get(0).verified());
        assertEquals("email", identity.recoveryAddresses().get(0).via());
    }

    @Test
    void aSessionNeedsAnId() {
        assertTrue(SessionReader.session(FakeCalls.tree("{\"active\":true}")).isEmpty());

        var session = SessionReader.session(FakeCalls.tree("{\"id\":\"s-1\",\"authentication_methods\":[{\"method\":\"oidc\",\"provider\":\"github\"}]}"))
                .orElseThrow();
        assertEquals(Aal.UNKNOWN, session.aal());
        assertEquals(Optional.of("github"), session.authenticationMethods().get(0).provider());
        assertEquals(Aal.UNKNOWN, session.authenticationMethods().get(0).aal());
    }
}
