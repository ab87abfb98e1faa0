package io.kratosflows.contract;

import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Consumer;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFilter;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import io.kratosflows.testkit.KratosServer;
import java.net.URI;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The provider verification of the login interactions in state {@value ProviderStates#LOGIN_FLOW},
 * aimed at a tampering proxy instead of Kratos. Not a test of its own (its name matches no
 * Surefire or Failsafe pattern, and it is disabled unless {@link #TARGET} is set):
 * {@link BreakingChangeIT} runs it in-process and expects it to fail.
 */
@Provider(PactSupport.PROVIDER)
@Consumer(PactSupport.CONSUMER)
@PactFolder("target/pacts")
@PactFilter("\\Q" + ProviderStates.LOGIN_FLOW + "\\E")
@EnabledIfSystemProperty(named = TamperedKratosVerification.TARGET, matches = "http://.+")
class TamperedKratosVerification {

    /** System property: the proxy's URL. */
    static final String TARGET = "kratosflows.contract.tamperedTarget";

    /** The Kratos behind the proxy, where the provider states are set up. Set by {@link BreakingChangeIT}. */
    static volatile KratosServer kratos;

    @BeforeEach
    void target(PactVerificationContext context) {
        ProviderTarget.prepare(context, Objects.requireNonNull(kratos, "kratos"), URI.create(System.getProperty(TARGET)));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void verify(PactVerificationContext context) {
        context.verifyInteraction();
    }
}
