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
 * Verifies the interactions tagged {@value ProviderStates#NO_TRANSITIONS} (a native recovery that
 * succeeds) against a Kratos without {@code feature_flags.use_continue_with_transitions}: Kratos
 * then hands the native client to a browser instead of returning the session token.
 */
@Provider(PactSupport.PROVIDER)
@Consumer(PactSupport.CONSUMER)
@PactFolder("target/pacts")
@PactFilter(".*\\Q" + ProviderStates.NO_TRANSITIONS + "\\E")
class NoTransitionsRecoveryProviderIT {

    @RegisterExtension
    static final KratosServer KRATOS = KratosServer.builder()
            .name("pact-no-transitions")
            .set("feature_flags.use_continue_with_transitions", false)
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
