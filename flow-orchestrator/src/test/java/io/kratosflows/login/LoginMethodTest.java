package io.kratosflows.login;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kratosflows.Secret;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each login method names the Kratos group (and {@code method} field) it submits. */
class LoginMethodTest {

    @Test
    void methodNamesAreKratosGroups() {
        assertEquals(List.of("password", "code", "oidc", "passkey", "totp", "lookup_secret", "identifier_first"), List.of(
                new LoginMethod.Password("a", Secret.of("p")), LoginMethod.Code.request("a"), LoginMethod.Oidc.provider("github"),
                new LoginMethod.Passkey("{}"), new LoginMethod.Totp(Secret.of("1")), new LoginMethod.LookupSecret(Secret.of("1")),
                new LoginMethod.IdentifierFirst("a")).stream().map(LoginMethod::method).toList());
    }
}
