package io.kratosflows.contract;

import au.com.dius.pact.provider.junitsupport.loader.PactFilter;
import io.kratosflows.testkit.KratosServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Verifies the interactions tagged {@value ProviderStates#SHORT_LIFESPANS} (expired flows, a
 * session past the privileged age) against a Kratos whose flows live 1 s (settings flows 2 s) and whose
 * sessions stay privileged for 1 s.
 */
@PactFilter(".*\\Q" + ProviderStates.SHORT_LIFESPANS + "\\E")
class ShortLifespansProviderIT extends ProviderVerification {

    private static final String LIFESPAN = KratosStates.SHORT_FLOW_LIFESPAN.toSeconds() + "s";

    @RegisterExtension
    static final KratosServer KRATOS = KratosServer.builder()
            .name("pact-short-lifespans")
            .set("selfservice.flows.login.lifespan", LIFESPAN)
            .set("selfservice.flows.registration.lifespan", LIFESPAN)
            .set("selfservice.flows.settings.lifespan", KratosStates.SHORT_SETTINGS_LIFESPAN.toSeconds() + "s")
            .set("selfservice.flows.recovery.lifespan", LIFESPAN)
            .set("selfservice.flows.verification.lifespan", LIFESPAN)
            .set("selfservice.flows.settings.privileged_session_max_age", KratosStates.SHORT_PRIVILEGED_AGE.toSeconds() + "s")
            .build();

    @Override
    KratosServer kratos() {
        return KRATOS;
    }
}
