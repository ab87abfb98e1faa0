package io.kratosflows.spring.test;

import io.kratosflows.testkit.KratosServer;
import io.kratosflows.testkit.RegistrationStyle;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link KratosTest} asks for, as a value: the key under which the started server's URLs
 * are shared between the JUnit extension and the Spring context customizer.
 */
record KratosTestConfiguration(List<String> config, RegistrationStyle style, String name) {

    KratosTestConfiguration {
        config = List.copyOf(config);
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(name, "name");
    }

    static KratosTestConfiguration of(KratosTest annotation) {
        return new KratosTestConfiguration(List.of(annotation.config()), annotation.registrationStyle(),
                annotation.name());
    }

    KratosServer server() {
        KratosServer.Builder builder = KratosServer.builder().registrationStyle(style);
        if (!name.isEmpty()) {
            builder.name(name);
        }
        for (String entry : config) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("@KratosTest config entries are dotted.key=value, got '" + entry + "'");
            }
            builder.set(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
        }
        return builder.build();
    }

    /** Shows the keys only: values may be secrets. */
    @Override
    public String toString() {
        return "KratosTestConfiguration[keys=" + config.stream().map(e -> e.substring(0, Math.max(0, e.indexOf('='))))
                .toList() + ", style=" + style + ", name=" + name + "]";
    }
}
