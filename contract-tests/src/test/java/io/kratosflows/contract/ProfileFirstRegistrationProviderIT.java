package io.kratosflows.contract;

import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Consumer;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFilter;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import io.kratosflows.testkit.KratosServer;
import io.kratosflows.testkit.RegistrationStyle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Verifies the interactions tagged {@value ProviderStates#PROFILE_FIRST} (the profile step and the
 * credential step) against a Kratos with two-step registration, Kratos v26's default style.
 */
@Provider(PactSupport.PROVIDER)
@Consumer(PactSupport.CONSUMER)
@PactFolder("target/pacts")
@PactFilter(".*\\Q" + ProviderStates.PROFILE_FIRST + "\\E")
class ProfileFirstRegistrationProviderIT {

    @RegisterExtension
    static final KratosServer KRATOS = KratosServer.builder()
            .name("pact-profile-first")
            .registrationStyle(RegistrationStyle.PROFILE_FIRST)
            .build();

    @BeforeEach
    void target(PactVerificationContext context) {
        ProviderTarget.prepare(context, KRATOS);
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void verify(PactVerificationContext context) {
        context.verifyInteraction();
    }
}
