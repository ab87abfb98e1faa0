package io.kratosflows.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a main class of the test class path in a JVM of its own: for tests that must not put the
 * test JVM at risk (a small heap against a 200 MB body) or that need a newer JDK than the build's
 * (virtual threads).
 */
public final class ChildJvm {

    /** What the child did: its exit code and everything it printed. */
    public record Result(int exitCode, String output) {
    }

    private ChildJvm() {
    }

    /** {@return the java launcher of the running JVM} */
    public static Path currentJava() {
        return Paths.get(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * {@return a java launcher of at least this feature version: the running JVM's, or one under
     * {@code KRATOS_FLOWS_JDK21_HOME}, {@code JAVA_HOME} or /usr/lib/jvm}
     */
    public static Optional<Path> javaOfAtLeast(int feature) {
        if (Runtime.version().feature() >= feature) {
            return Optional.of(currentJava());
        }
        List<Path> homes = new ArrayList<>();
        for (String variable : new String[] {"KRATOS_FLOWS_JDK21_HOME", "JAVA_HOME"}) {
            String home = System.getenv(variable);
            if (home != null && !home.isBlank()) {
                homes.add(Paths.get(home));
            }
        }
        Path jvms = Paths.get("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> dirs = Files.list(jvms)) {
                dirs.sorted(Comparator.reverseOrder()).forEach(homes::add);
            } catch (IOException e) {
                // none there
            }
        }
        for (Path home : homes) {
            Path java = home.resolve("bin").resolve("java");
            if (Files.isExecutable(java) && featureOf(home) >= feature) {
                return Optional.of(java);
            }
        }
        return Optional.empty();
    }

    private static int featureOf(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(version.split("[.+-]")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not a JDK we can read
        }
        return 0;
    }

    /** Runs {@code main} with the test class path and these JVM options, waiting at most {@code timeoutSeconds}. */
    public static Result run(Path java, List<String> jvmOptions, Class<?> main, long timeoutSeconds, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        Path log = Files.createTempFile("child-jvm", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return new Result(-1, "timed out after " + timeoutSeconds + " s:\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
