package io.kratosflows.contract;

import au.com.dius.pact.provider.junitsupport.loader.PactFilter;
import io.kratosflows.testkit.KratosServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Verifies the interactions tagged {@value ProviderStates#HIGHEST_AAL} (identity withheld after
 * the first factor, whoami and settings asking for the second factor) against a Kratos whose whoami
 * and settings require the highest assurance level an identity has.
 */
@PactFilter(".*\\Q" + ProviderStates.HIGHEST_AAL + "\\E")
class HighestAalProviderIT extends ProviderVerification {

    @RegisterExtension
    static final KratosServer KRATOS = KratosServer.builder()
            .name("pact-highest-aal")
            .set("session.whoami.required_aal", "highest_available")
            .set("selfservice.flows.settings.required_aal", "highest_available")
            .build();

    @Override
    KratosServer kratos() {
        return KRATOS;
    }
}
