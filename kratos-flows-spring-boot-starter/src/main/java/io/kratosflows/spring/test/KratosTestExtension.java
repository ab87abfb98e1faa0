package io.kratosflows.spring.test;

import io.kratosflows.testkit.KratosServer;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * The JUnit side of {@link KratosTest}: skips the class without Kratos (the kit's one-line
 * reason), starts the kit's server before any test instance exists (so before Spring builds the
 * context), publishes its URLs to {@link KratosTestContextCustomizerFactory}, and resolves
 * {@link KratosServer} parameters.
 */
public final class KratosTestExtension implements ExecutionCondition, BeforeAllCallback,
        TestInstancePreConstructCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KratosTestExtension.class);
    /** Started servers' URLs by configuration, read when Spring builds a context. */
    private static final Map<KratosTestConfiguration, Urls> STARTED = new ConcurrentHashMap<>();

    /** Creates the extension (JUnit does). */
    public KratosTestExtension() {
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return server(context).map(s -> s.evaluateExecutionCondition(context))
                .orElse(ConditionEvaluationResult.enabled("no @KratosTest"));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start(context);
    }

    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        start(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KratosServer.class && server(context).isPresent();
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return start(context);
    }

    /** {@return the URLs of the server started for a configuration, if it runs} */
    static Optional<Urls> urls(KratosTestConfiguration configuration) {
        return Optional.ofNullable(STARTED.get(configuration));
    }

    private KratosServer start(ExtensionContext context) {
        KratosServer server = server(context).orElseThrow(() ->
                new ExtensionConfigurationException("KratosTestExtension needs @KratosTest on the test class"));
        server.beforeAll(context); // starts once per configuration; later calls return at once
        STARTED.putIfAbsent(configuration(context).orElseThrow(), new Urls(server.publicUrl(), server.adminUrl()));
        return server;
    }

    // getOrComputeIfAbsent is deprecated in JUnit 6, but its successor does not exist in the 5.12 of Boot 3.5.
    @SuppressWarnings("deprecation")
    private static Optional<KratosServer> server(ExtensionContext context) {
        Optional<KratosTestConfiguration> configuration = configuration(context);
        if (configuration.isEmpty()) {
            return Optional.empty();
        }
        Class<?> testClass = context.getRequiredTestClass();
        ExtensionContext.Store store = classContext(context).getStore(NAMESPACE);
        return Optional.of(store.getOrComputeIfAbsent(testClass, c -> configuration.get().server(), KratosServer.class));
    }

    private static Optional<KratosTestConfiguration> configuration(ExtensionContext context) {
        return context.getTestClass()
                .map(c -> AnnotatedElementUtils.findMergedAnnotation(c, KratosTest.class))
                .map(KratosTestConfiguration::of);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    /** Where the started Kratos listens. */
    record Urls(URI publicUrl, URI adminUrl) {
    }
}
