package io.kratosflows.contract;

import au.com.dius.pact.provider.junitsupport.loader.PactFilter;
import io.kratosflows.testkit.KratosServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Verifies the interactions tagged {@value ProviderStates#NO_TRANSITIONS} (a native recovery that
 * succeeds) against a Kratos without {@code feature_flags.use_continue_with_transitions}: Kratos
 * then hands the native client to a browser instead of returning the session token.
 */
@PactFilter(".*\\Q" + ProviderStates.NO_TRANSITIONS + "\\E")
class NoTransitionsRecoveryProviderIT extends ProviderVerification {

    @RegisterExtension
    static final KratosServer KRATOS = KratosServer.builder()
            .name("pact-no-transitions")
            .set("feature_flags.use_continue_with_transitions", false)
            .build();

    @Override
    KratosServer kratos() {
        return KRATOS;
    }
}
