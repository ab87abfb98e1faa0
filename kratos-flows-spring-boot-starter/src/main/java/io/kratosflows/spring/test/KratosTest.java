package io.kratosflows.spring.test;

import io.kratosflows.testkit.RegistrationStyle;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a {@code @SpringBootTest} against a real Kratos started by the test kit
 * ({@code kratos-flows-testkit}, on the test class path) and points {@code kratos.public-url} and
 * {@code kratos.admin-url} at it:
 *
 * <pre>{@code
 * @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
 * @KratosTest(config = "session.whoami.required_aal=highest_available")
 * class TransfersIT {
 *     @Test
 *     void needsSecondFactor(KratosServer kratos) { ... kratos.admin().createIdentity(email, password) ... }
 * }
 * }</pre>
 *
 * <p>Kratos is found as the kit finds it ({@code KRATOS_PUBLIC_URL}/{@code KRATOS_ADMIN_URL},
 * {@code KRATOS_BIN}, {@code kratos} on {@code PATH}); without one the class is <em>skipped</em>
 * with one line saying how to provide it. One Kratos runs per distinct configuration and is shared
 * by every class that asks for the same; Spring contexts are cached per configuration too. Test
 * methods and lifecycle methods may take the {@code KratosServer} as a parameter (mail sink,
 * admin client).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(KratosTestExtension.class)
public @interface KratosTest {

    /**
     * Kratos configuration overlays as {@code dotted.key=value}, the value read as YAML (see
     * {@code KratosServer.Builder#set}); e.g. {@code "session.whoami.required_aal=highest_available"}.
     */
    String[] config() default {};

    /** The registration style (unified by default). */
    RegistrationStyle registrationStyle() default RegistrationStyle.UNIFIED;

    /** A readable prefix for the instance folder under {@code target/kratos-testkit/}; empty for the default. */
    String name() default "";
}
