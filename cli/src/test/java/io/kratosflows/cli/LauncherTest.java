package io.kratosflows.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./kratos-flows} launcher, run by {@code /bin/sh} in a copy of the repository layout
 * with stand-ins for {@code mvn} and {@code java} that record how they were called: it rebuilds
 * when a source or POM is newer than the jar (not for tests or build output), makes the
 * class-data-sharing archive once per build, and runs without one when the JVM cannot make it.
 */
class LauncherTest {

    private static final Path LAUNCHER = Path.of("..", "kratos-flows");

    @TempDir
    Path root;

    private Path log;
    private Path jar;

    private static void script(Path file, String text) throws Exception {
        Files.writeString(file, "#!/bin/sh\n" + text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void touch(Path file, long secondsAgo) throws Exception {
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(secondsAgo)));
    }

    @BeforeEach
    void layout() throws Exception {
        boolean shell = Files.isExecutable(Path.of("/bin/sh")) && Files.isRegularFile(LAUNCHER);
        if (!shell) {
            System.err.println("SKIPPED: the launcher needs /bin/sh and ../kratos-flows");
        }
        assumeTrue(shell, "SKIPPED: no /bin/sh or launcher");
        Files.copy(LAUNCHER, root.resolve("kratos-flows"));
        Files.setPosixFilePermissions(root.resolve("kratos-flows"), PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String file : List.of("pom.xml", "openapi/kratos-public-api.yaml", "generated-client/generator.yaml",
                "flow-orchestrator/src/main/java/A.java", "flow-orchestrator/src/test/java/ATest.java",
                "kratos-testkit/pom.xml", "spec-diff/pom.xml", "cli/pom.xml", "cli/src/main/java/B.java")) {
            touch(root.resolve(file), 1000);
        }
        jar = root.resolve("cli/target/kratos-flows.jar");
        log = root.resolve("calls.log");
        Path bin = Files.createDirectories(root.resolve("bin"));
        script(bin.resolve("mvn"), "echo \"mvn $*\" >> '" + log + "'\n"
                + "[ -n \"${FAKE_MVN_FAIL:-}\" ] && exit 1\n"
                + "mkdir -p cli/target && : > cli/target/kratos-flows.jar\n");
        script(bin.resolve("java"), "echo \"java $*\" >> '" + log + "'\n"
                + "for a in \"$@\"; do case \"$a\" in -XX:ArchiveClassesAtExit=*)\n"
                + "  [ -n \"${FAKE_JAVA_NO_CDS:-}\" ] && exit 1\n"
                + "  echo archive > \"${a#-XX:ArchiveClassesAtExit=}\";; esac; done\n");
    }

    private List<String> launch(String... env) throws Exception {
        Files.deleteIfExists(log);
        ProcessBuilder builder = new ProcessBuilder(root.resolve("kratos-flows").toString(), "--version");
        builder.environment().put("PATH", root.resolve("bin") + ":/usr/bin:/bin");
        builder.environment().remove("KRATOS_FLOWS_CDS");
        for (int i = 0; i < env.length; i += 2) {
            builder.environment().put(env[i], env[i + 1]);
        }
        Process process = builder.redirectErrorStream(true).redirectOutput(root.resolve("out.txt").toFile()).start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the launcher did not finish");
        List<String> calls = Files.exists(log) ? Files.readAllLines(log) : List.of();
        String out = Files.readString(root.resolve("out.txt"));
        return process.exitValue() == 0 ? calls : List.of("exit " + process.exitValue(), out);
    }

    private static long count(List<String> calls, String start) {
        return calls.stream().filter(c -> c.startsWith(start)).count();
    }

    @Test
    void buildsOnceThenRunsTheJarWithTheArchive() throws Exception {
        List<String> first = launch();
        assertEquals(1, count(first, "mvn -q -B -DskipTests package -pl cli -am"), first.toString());
        assertEquals(1, first.stream().filter(c -> c.contains("-XX:ArchiveClassesAtExit=")
                && c.contains("io.kratosflows.cli.CdsTraining")).count(), first.toString());
        String run = first.get(first.size() - 1);
        assertTrue(run.contains("-XX:SharedArchiveFile=" + root.resolve("cli/target/kratos-flows.jsa")), run);
        assertTrue(run.contains("-XX:TieredStopAtLevel=1") && run.endsWith("-jar " + jar + " --version"), run);

        List<String> second = launch();
        assertEquals(List.of(run), second, "no build, no training: just the run");
    }

    @Test
    void aSourceOrPomNewerThanTheJarRebuildsTestsAndBuildOutputDoNot() throws Exception {
        launch();
        touch(jar, 100);
        touch(root.resolve("cli/target/kratos-flows.jsa"), 100);
        touch(root.resolve("flow-orchestrator/src/test/java/ATest.java"), 10);
        touch(root.resolve("cli/target/classes/B.class"), 10);
        touch(root.resolve("flow-orchestrator/target/generated/X.java"), 10);
        assertEquals(0, count(launch(), "mvn"), "tests and target/ do not count");

        touch(root.resolve("flow-orchestrator/src/main/java/A.java"), 10);
        List<String> rebuilt = launch();
        assertEquals(1, count(rebuilt, "mvn"), rebuilt.toString());
        assertEquals(1, rebuilt.stream().filter(c -> c.contains("ArchiveClassesAtExit")).count(), "a new archive for the new jar");

        touch(jar, 100);
        touch(root.resolve("pom.xml"), 10);
        assertEquals(1, count(launch(), "mvn"), "the parent POM counts");
    }

    @Test
    void aFailedBuildSaysSoAndExits1() throws Exception {
        List<String> result = launch("FAKE_MVN_FAIL", "1");
        assertEquals("exit 1", result.get(0), result.toString());
        assertTrue(result.get(1).contains("the build failed"), result.toString());
    }

    @Test
    void withoutClassDataSharingItRunsTheSameAndDoesNotRetryUntilTheNextBuild() throws Exception {
        List<String> first = launch("FAKE_JAVA_NO_CDS", "1");
        String run = first.get(first.size() - 1);
        assertFalse(run.contains("SharedArchiveFile"), run);
        assertTrue(run.endsWith("-jar " + jar + " --version"), run);
        List<String> second = launch("FAKE_JAVA_NO_CDS", "1");
        assertEquals(List.of(run), second, "the JVM that cannot make an archive is not asked again");

        List<String> off = launch("KRATOS_FLOWS_CDS", "0");
        assertFalse(off.get(off.size() - 1).contains("SharedArchiveFile"), off.toString());
    }

    /** The jar tests run it with the launcher's JVM options (JarCommand): the two lists must not drift apart. */
    @Test
    void jarTestsUseTheLaunchersJvmOptions() throws Exception {
        assumeTrue(Files.isRegularFile(LAUNCHER), "SKIPPED: ../kratos-flows not found");
        String line = Files.readAllLines(LAUNCHER).stream().filter(l -> l.startsWith("jvm=")).findFirst().orElseThrow();
        List<String> options = List.of(line.substring("jvm=".length()).replace("\"", "").trim().split(" +"));
        assertEquals(JarCommand.LAUNCHER_JVM_OPTIONS,
                options.stream().filter(o -> !o.startsWith("-Xshare")).toList(), line);
    }
}
