package io.kratosflows.mutations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * For each mutated copy of the official v26.2.0 spec: generate the client from it, compile the
 * orchestrator against it and run the orchestrator's unit tests, in a copy of the reactor under
 * {@code target/} (a nested {@code mvn -o test}). Runs with {@code -Dkratos.mutations=all} (CI does);
 * takes about a minute per mutation.
 */
class MutatedSpecBuildIT {

    /** What the nested build needs besides every module's POM. */
    private static final Set<String> SOURCES = Set.of("generated-client", "flow-orchestrator", "kratos-testkit", "fixtures");
    private static final Pattern TESTS_RUN = Pattern.compile("Tests run: (\\d+), Failures: (\\d+), Errors: (\\d+), Skipped: (\\d+)");

    @TestFactory
    Stream<DynamicTest> theOrchestratorBuildsAndPassesAgainstEveryMutation() throws IOException {
        String wanted = System.getProperty("kratos.mutations", "").trim();
        if (wanted.isEmpty()) {
            System.out.println("SKIPPED (mutated-spec builds): run with -Dkratos.mutations=all (about a minute each)");
        }
        assumeTrue(!wanted.isEmpty(), "mutated-spec builds run with -Dkratos.mutations=all");
        var official = SpecMutations.officialSpec();
        if (official.isEmpty()) {
            System.out.println("SKIPPED (no official spec): set KRATOS_OFFICIAL_SPEC_DIR to the folder holding kratos-v26.2.0.json");
        }
        assumeTrue(official.isPresent(), "no official spec (KRATOS_OFFICIAL_SPEC_DIR)");
        var spec = SpecMutations.read(official.get());
        Path dir = Path.of(System.getProperty("kratos.mutations.dir")).toAbsolutePath();
        List<String> names = wanted.equals("all") ? SpecMutations.ALL.stream().map(SpecMutations.Mutation::name).toList()
                : Arrays.asList(wanted.split(","));
        return SpecMutations.ALL.stream().filter(m -> names.contains(m.name())).map(m -> DynamicTest.dynamicTest(
                m.name() + ": " + m.description(), () -> build(m, SpecMutations.write(dir, m, spec), dir)));
    }

    private static void build(SpecMutations.Mutation mutation, Path mutatedSpec, Path dir) throws Exception {
        Path reactor = Path.of(System.getProperty("kratos.reactor")).toRealPath();
        Path copy = dir.resolve("build-" + mutation.name());
        copyReactor(reactor, copy);
        Path log = dir.resolve("build-" + mutation.name() + ".log");
        List<String> command = new ArrayList<>(List.of(maven(), "-B", "-o", "test", "-pl", "flow-orchestrator", "-am",
                "-Dkratos.spec=" + mutatedSpec, "-Dmaven.repo.local=" + System.getProperty("maven.repo.local")));
        Process process = new ProcessBuilder(command).directory(copy.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        int exit = process.waitFor();
        String output = Files.readString(log);
        assertEquals(0, exit, "the nested build failed for " + mutation.name() + "; see " + log);
        String summary = null;
        for (Matcher m = TESTS_RUN.matcher(output); m.find(); ) {
            summary = m.group(); // the orchestrator's, built last
        }
        assertTrue(summary != null, "no test summary in " + log);
        Matcher last = TESTS_RUN.matcher(summary);
        assertTrue(last.find());
        assertTrue(Integer.parseInt(last.group(1)) > 100, "the orchestrator's unit tests ran: " + log);
        System.out.println("mutation " + mutation.name() + ": " + last.group() + " (" + log + ")");
    }

    private static String maven() {
        String home = System.getProperty("maven.home");
        return home == null || home.isBlank() ? "mvn" : Path.of(home, "bin", "mvn").toString();
    }

    /** Copies every POM, the README and the sources the nested build compiles, never a {@code target/} folder. */
    private static void copyReactor(Path reactor, Path copy) throws IOException {
        if (Files.exists(copy)) {
            deleteTree(copy);
        }
        Files.walkFileTree(reactor, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                Path rel = reactor.relativize(d);
                if (rel.toString().equals("target") || rel.endsWith("target") || rel.startsWith(".git")
                        || (rel.getNameCount() >= 2 && !SOURCES.contains(rel.getName(0).toString()))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(copy.resolve(rel));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                Path rel = reactor.relativize(f);
                // The README too: the orchestrator's tests check its examples against it.
                boolean pom = f.getFileName().toString().equals("pom.xml") || rel.toString().equals("README.md");
                if (pom || (rel.getNameCount() > 1 && SOURCES.contains(rel.getName(0).toString()))) {
                    Files.copy(f, copy.resolve(rel), StandardCopyOption.REPLACE_EXISTING);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
