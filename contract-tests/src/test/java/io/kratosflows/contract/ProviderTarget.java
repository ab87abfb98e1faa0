package io.kratosflows.contract;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import io.kratosflows.testkit.KratosServer;
import java.net.URI;

/** Points a provider verification at a Kratos (or a proxy in front of it) and registers the state handlers. */
final class ProviderTarget {

    private ProviderTarget() {
    }

    /** Verifies against the public API of {@code kratos}, with states set up on the same Kratos. */
    static void prepare(PactVerificationContext context, KratosServer kratos) {
        prepare(context, kratos, kratos.publicUrl());
    }

    /** Verifies against {@code target} (e.g. a proxy), with states set up on {@code kratos}. */
    static void prepare(PactVerificationContext context, KratosServer kratos, URI target) {
        context.setTarget(new HttpTestTarget(target.getHost(), target.getPort()));
        context.withStateChangeHandlers(new KratosStates(kratos));
    }
}
