package io.kratosflows.contract;

import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Consumer;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFilter;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import io.kratosflows.testkit.KratosServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Verifies the kratos-flows pact against a real Kratos with the testkit's default profile: every
 * interaction whose provider state carries no configuration tag. Skipped when no Kratos is found.
 */
@Provider(PactSupport.PROVIDER)
@Consumer(PactSupport.CONSUMER)
@PactFolder("target/pacts")
@PactFilter(ProviderStates.DEFAULT_PROFILE)
class DefaultProfileProviderIT {

    @RegisterExtension
    static final KratosServer KRATOS = KratosServer.defaults();

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
