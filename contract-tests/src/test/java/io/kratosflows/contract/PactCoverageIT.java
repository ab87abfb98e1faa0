package io.kratosflows.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFilter;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Pins that the provider side covers the whole pact: every interaction has exactly one provider
 * state, a state handler in {@link KratosStates}, and is selected by exactly one provider class (every
 * {@code *ProviderIT} of this package, found on the class path, each a {@link ProviderVerification}), so
 * no interaction can go unverified without this test failing. Needs no Kratos.
 */
class PactCoverageIT {

    /** The provider classes the build runs: the names Failsafe picks up, in this package. */
    static final List<Class<?>> PROVIDER_CLASSES = providerClasses();

    private static final Path PACT = Path.of("target", "pacts", PactSupport.CONSUMER + "-" + PactSupport.PROVIDER + ".json");

    @Test
    void everyInteractionIsVerifiedByExactlyOneProviderClass() throws IOException {
        assertTrue(Files.isRegularFile(PACT), "the consumer tests write " + PACT + " before this runs");
        JsonNode interactions = KratosPublic.JSON.readTree(PACT.toFile()).path("interactions");
        assertTrue(interactions.size() >= 45, "the pact has " + interactions.size() + " interactions");

        Set<String> handled = new HashSet<>();
        for (Method method : KratosStates.class.getMethods()) {
            State state = method.getAnnotation(State.class);
            if (state != null) {
                handled.addAll(Arrays.asList(state.value()));
            }
        }

        List<String> problems = new ArrayList<>();
        for (JsonNode interaction : interactions) {
            String description = interaction.path("description").asText();
            JsonNode states = interaction.path("providerStates");
            if (states.size() != 1) {
                problems.add(description + ": has " + states.size() + " provider states, needs exactly one");
                continue;
            }
            String state = states.get(0).path("name").asText();
            if (!handled.contains(state)) {
                problems.add(description + ": no @State handler for '" + state + "'");
            }
            List<String> verifiers = PROVIDER_CLASSES.stream().filter(c -> selects(c, state)).map(Class::getSimpleName).toList();
            if (verifiers.size() != 1) {
                problems.add(description + ": state '" + state + "' is selected by " + verifiers);
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyProviderClassIsAVerificationOfItsOwnConfiguration() {
        assertTrue(PROVIDER_CLASSES.size() >= 6, PROVIDER_CLASSES.toString());
        for (Class<?> c : PROVIDER_CLASSES) {
            assertTrue(ProviderVerification.class.isAssignableFrom(c), c + " extends ProviderVerification");
            assertTrue(c.isAnnotationPresent(PactFilter.class), c + " selects its states with @PactFilter");
        }
    }

    private static List<Class<?>> providerClasses() {
        Path folder = Path.of("target", "test-classes", "io", "kratosflows", "contract");
        try (var files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith("ProviderIT.class")).sorted()
                    .<Class<?>>map(n -> load(PactCoverageIT.class.getPackageName() + "." + n.substring(0, n.length() - ".class".length())))
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name, e);
        }
    }

    private static boolean selects(Class<?> providerClass, String state) {
        PactFilter filter = providerClass.getAnnotation(PactFilter.class);
        return filter != null && Arrays.stream(filter.value()).anyMatch(state::matches);
    }
}
