package io.kratosflows.spring.test;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.ClassUtils;

/**
 * The Spring side of {@link KratosTest}: sets {@code kratos.public-url} and {@code kratos.admin-url}
 * to the Kratos the JUnit extension started (registered in {@code META-INF/spring.factories}).
 * Contexts are cached per Kratos configuration.
 */
public final class KratosTestContextCustomizerFactory implements ContextCustomizerFactory {

    private static final boolean KIT_PRESENT = ClassUtils.isPresent("io.kratosflows.testkit.KratosServer",
            KratosTestContextCustomizerFactory.class.getClassLoader());

    /** Creates the factory (Spring does). */
    public KratosTestContextCustomizerFactory() {
    }

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        if (!KIT_PRESENT) {
            return null;
        }
        KratosTest annotation = AnnotatedElementUtils.findMergedAnnotation(testClass, KratosTest.class);
        return annotation == null ? null : new Customizer(KratosTestConfiguration.of(annotation));
    }

    /** Adds the URLs as the highest-priority property source; equal per configuration. */
    private record Customizer(KratosTestConfiguration configuration) implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
            KratosTestExtension.Urls urls = KratosTestExtension.urls(configuration).orElseThrow(() ->
                    new IllegalStateException("@KratosTest: Kratos was not started before the Spring context"
                            + " (is the test run by JUnit Jupiter?)"));
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("kratosTest", Map.of(
                    "kratos.public-url", urls.publicUrl().toString(),
                    "kratos.admin-url", urls.adminUrl().toString())));
        }
    }
}
