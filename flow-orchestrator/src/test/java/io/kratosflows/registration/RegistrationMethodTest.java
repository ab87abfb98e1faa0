package io.kratosflows.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kratosflows.Secret;
import io.kratosflows.Traits;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each registration method names the Kratos group (and {@code method} field) it submits. */
class RegistrationMethodTest {

    @Test
    void methodNamesAreKratosGroups() {
        Traits traits = Traits.email("a@b.org");

        assertEquals(List.of("password", "code", "oidc", "passkey", "profile"), List.of(new RegistrationMethod.Password(traits, Secret.of("p")),
                RegistrationMethod.Code.request(traits), RegistrationMethod.Oidc.provider("github"), new RegistrationMethod.Passkey(traits, "{}"),
                RegistrationMethod.Profile.submit(traits)).stream().map(RegistrationMethod::method).toList());
    }
}
