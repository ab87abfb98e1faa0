package io.kratosflows.contract;

import au.com.dius.pact.provider.junitsupport.loader.PactFilter;
import io.kratosflows.testkit.KratosServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Verifies the kratos-flows pact against a real Kratos with the testkit's default profile: every
 * interaction whose provider state carries no configuration tag. Skipped when no Kratos is found.
 */
@PactFilter(ProviderStates.DEFAULT_PROFILE)
class DefaultProfileProviderIT extends ProviderVerification {

    @RegisterExtension
    static final KratosServer KRATOS = KratosServer.defaults();

    @Override
    KratosServer kratos() {
        return KRATOS;
    }
}
