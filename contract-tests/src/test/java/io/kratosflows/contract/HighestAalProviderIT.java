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
 * Verifies the interactions tagged {@value ProviderStates#HIGHEST_AAL} (identity withheld after
 * the first factor, whoami and settings asking for the second factor) against a Kratos whose whoami
 * and settings require the highest assurance level an identity has.
 */
@Provider(PactSupport.PROVIDER)
@Consumer(PactSupport.CONSUMER)
@PactFolder("target/pacts")
@PactFilter(".*\\Q" + ProviderStates.HIGHEST_AAL + "\\E")
class HighestAalProviderIT {

    @RegisterExtension
    static final KratosServer KRATOS = KratosServer.builder()
            .name("pact-highest-aal")
            .set("session.whoami.required_aal", "highest_available")
            .set("selfservice.flows.settings.required_aal", "highest_available")
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
