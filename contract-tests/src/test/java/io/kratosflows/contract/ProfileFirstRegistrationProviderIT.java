package io.kratosflows.contract;

import au.com.dius.pact.provider.junitsupport.loader.PactFilter;
import io.kratosflows.testkit.KratosServer;
import io.kratosflows.testkit.RegistrationStyle;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Verifies the interactions tagged {@value ProviderStates#PROFILE_FIRST} (the profile step and the
 * credential step) against a Kratos with two-step registration, Kratos v26's default style.
 */
@PactFilter(".*\\Q" + ProviderStates.PROFILE_FIRST + "\\E")
class ProfileFirstRegistrationProviderIT extends ProviderVerification {

    @RegisterExtension
    static final KratosServer KRATOS = KratosServer.builder()
            .name("pact-profile-first")
            .registrationStyle(RegistrationStyle.PROFILE_FIRST)
            .build();

    @Override
    KratosServer kratos() {
        return KRATOS;
    }
}
