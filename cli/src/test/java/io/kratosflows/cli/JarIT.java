package io.kratosflows.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar as shipped: no test framework inside and no class that refers to one, and a plain run prints nothing on
 * standard error but its own one line (no slf4j, JUL or JVM warning). Needs no Kratos.
 */
class JarIT {

    private static Path jar() {
        Path jar = Path.of(System.getProperty("kratos.flows.jar", "target/kratos-flows.jar"));
        if (!Files.isRegularFile(jar)) {
            System.err.println("SKIPPED: " + jar + " not built (run mvn package first)");
        }
        assumeTrue(Files.isRegularFile(jar), "SKIPPED: " + jar + " not built");
        return jar;
    }

    private record Result(int exitCode, String out, String err) {
    }

    private static Result java(Path dir, String... args) throws Exception {
        List<String> command = JarCommand.of(jar(), args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile());
        builder.environment().put("KRATOS_SESSION_TOKEN", "ory_st_jar");
        builder.environment().put("HOME", dir.toString());
        builder.environment().remove("XDG_CONFIG_HOME");
        builder.environment().remove("KRATOS_FLOWS_CONFIG");
        Process process = builder.start();
        process.getOutputStream().close();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the jar did not finish");
        return new Result(process.exitValue(), Files.readString(dir.resolve("out"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
    }

    @Test
    void theJarCarriesNoTestFrameworkAndNoClassThatNeedsOne() throws Exception {
        List<String> test = new ArrayList<>();
        byte[] junit = "org/junit/".getBytes(StandardCharsets.US_ASCII);
        try (JarFile file = new JarFile(jar().toFile())) {
            for (JarEntry entry : Collections.list(file.entries())) {
                String name = entry.getName();
                if (name.startsWith("org/junit/") || name.startsWith("org/opentest4j/") || name.startsWith("org/apiguardian/")) {
                    test.add(name);
                } else if (name.endsWith(".class")) {
                    try (InputStream in = file.getInputStream(entry)) {
                        if (contains(in.readAllBytes(), junit)) {
                            test.add(name + " (refers to JUnit)");
                        }
                    }
                }
            }
            assertEquals(List.of(), test.stream().limit(10).toList(), "test-only classes in the runnable jar");
            assertTrue(file.getEntry("io/kratosflows/testkit/LocalKratos.class") != null, "demo's part of the kit is in");
            assertTrue(file.getEntry("io/kratosflows/cli/CdsTraining.class") != null, "the launcher's training run is in");
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void aPlainRunPrintsNoWarning(@TempDir Path dir) throws Exception {
        Result version = java(dir, "--version");
        assertEquals(0, version.exitCode(), version.toString());
        assertEquals("", version.err(), version.toString());

        Result unreachable = java(dir, "whoami", "--kratos-url", "http://127.0.0.1:1");
        assertEquals(4, unreachable.exitCode(), unreachable.toString());
        assertEquals(1, unreachable.err().strip().lines().count(), "one line, no slf4j or JVM warning: " + unreachable);
        assertTrue(unreachable.err().startsWith("kratos-flows: "), unreachable.toString());
    }

    @Test
    void theCdsTrainingRunPrintsNothingAndEndsZero(@TempDir Path dir) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", jar().toString(), "io.kratosflows.cli.CdsTraining");
        Process process = new ProcessBuilder(command).redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile()).start();
        process.getOutputStream().close();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the training run did not finish");
        assertEquals(0, process.exitValue());
        assertEquals("", Files.readString(dir.resolve("out")) + Files.readString(dir.resolve("err")));
    }

    @Test
    void everyHelpPagePrintsNoWarning(@TempDir Path dir) throws Exception {
        List<String> failures = new ArrayList<>();
        for (List<String> command : HelpPagesTest.commands().toList()) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            Result help = java(dir, args.toArray(String[]::new));
            if (help.exitCode() != 0 || !help.err().isEmpty() || !help.out().contains("Usage: kratos-flows")) {
                failures.add(String.join(" ", args) + ": exit " + help.exitCode() + ", stderr: " + help.err().strip());
            }
        }
        assertEquals(List.of(), failures, "help pages with a warning (e.g. an unescaped % in a description)");
    }
}
