package io.kratosflows.contract;

import au.com.dius.pact.provider.junitsupport.loader.PactFilter;
import io.kratosflows.testkit.KratosServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Verifies the interactions tagged {@value ProviderStates#IDENTIFIER_FIRST} (step one of
 * identifier-first login) against a Kratos with {@code selfservice.flows.login.style: identifier_first}.
 */
@PactFilter(".*\\Q" + ProviderStates.IDENTIFIER_FIRST + "\\E")
class IdentifierFirstLoginProviderIT extends ProviderVerification {

    @RegisterExtension
    static final KratosServer KRATOS = KratosServer.builder()
            .name("pact-identifier-first")
            .set("selfservice.flows.login.style", "identifier_first")
            .build();

    @Override
    KratosServer kratos() {
        return KRATOS;
    }
}
