package io.kratosflows.contract;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Consumer;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import io.kratosflows.testkit.KratosServer;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The one provider verification of the kratos-flows pact: each subclass names a Kratos
 * configuration (its {@code KratosServer}, registered on a static field) and, with
 * {@code @PactFilter}, the provider states that configuration verifies. The pact's annotations are
 * inherited; {@link PactCoverageIT} checks that the subclasses' filters cover every interaction once.
 */
@Provider(PactSupport.PROVIDER)
@Consumer(PactSupport.CONSUMER)
@PactFolder("target/pacts")
abstract class ProviderVerification {

    /** {@return the Kratos whose state handlers set up each interaction} */
    abstract KratosServer kratos();

    /** {@return where the interactions are sent: the Kratos itself, or a proxy in front of it} */
    URI target() {
        return kratos().publicUrl();
    }

    @BeforeEach
    void target(PactVerificationContext context) {
        URI target = target();
        context.setTarget(new HttpTestTarget(target.getHost(), target.getPort()));
        context.withStateChangeHandlers(new KratosStates(kratos()));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void verify(PactVerificationContext context) {
        context.verifyInteraction();
    }
}
