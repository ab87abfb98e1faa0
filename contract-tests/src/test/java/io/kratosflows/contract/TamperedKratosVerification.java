package io.kratosflows.contract;

import au.com.dius.pact.provider.junitsupport.loader.PactFilter;
import io.kratosflows.testkit.KratosServer;
import java.net.URI;
import java.util.Objects;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The provider verification of the login interactions in state {@value ProviderStates#LOGIN_FLOW},
 * aimed at a tampering proxy instead of Kratos. Not a test of its own (its name matches no
 * Surefire or Failsafe pattern, and it is disabled unless {@link #TARGET} is set):
 * {@link BreakingChangeIT} runs it in-process and expects it to fail.
 */
@PactFilter("\\Q" + ProviderStates.LOGIN_FLOW + "\\E")
@EnabledIfSystemProperty(named = TamperedKratosVerification.TARGET, matches = "http://.+")
class TamperedKratosVerification extends ProviderVerification {

    /** System property: the proxy's URL. */
    static final String TARGET = "kratosflows.contract.tamperedTarget";

    /** The Kratos behind the proxy, where the provider states are set up. Set by {@link BreakingChangeIT}. */
    static volatile KratosServer kratos;

    @Override
    KratosServer kratos() {
        return Objects.requireNonNull(kratos, "kratos");
    }

    @Override
    URI target() {
        return URI.create(System.getProperty(TARGET));
    }
}
