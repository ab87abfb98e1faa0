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
 * Verifies the interactions tagged {@value ProviderStates#IDENTIFIER_FIRST} (step one of
 * identifier-first login) against a Kratos with {@code selfservice.flows.login.style: identifier_first}.
 */
@Provider(PactSupport.PROVIDER)
@Consumer(PactSupport.CONSUMER)
@PactFolder("target/pacts")
@PactFilter(".*\\Q" + ProviderStates.IDENTIFIER_FIRST + "\\E")
class IdentifierFirstLoginProviderIT {

    @RegisterExtension
    static final KratosServer KRATOS = KratosServer.builder()
            .name("pact-identifier-first")
            .set("selfservice.flows.login.style", "identifier_first")
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
