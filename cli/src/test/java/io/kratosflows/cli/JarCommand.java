package io.kratosflows.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that runs the shaded jar the way {@code ./kratos-flows} does (its JVM options, without its class
 * data archive): the tests see what users see, and each of their JVMs starts as cheaply.
 */
final class JarCommand {

    /** The launcher's JVM options (kratos-flows, {@code jvm=}): C1 only and the serial collector. */
    static final List<String> LAUNCHER_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private JarCommand() {
    }

    static List<String> of(Path jar, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LAUNCHER_JVM_OPTIONS);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        return command;
    }
}
