package io.kratosflows.testkit;

import java.nio.file.Path;

/**
 * The Kratos binary the live tests run ({@code KRATOS_BIN}, else {@code kratos} on {@code PATH})
 * and the version its own CLI reports, so that a test asserts what that version does instead of
 * what one release does.
 */
final class InstalledKratos {

    private static KratosVersion version;

    private InstalledKratos() {
    }

    /** The binary; only called from live tests, which are skipped when there is none. */
    static Path binary() {
        return LocalKratos.find(System.getenv())
                .orElseThrow(() -> new IllegalStateException(KratosLocator.NOT_FOUND_REASON));
    }

    /**
     * What {@code kratos version} prints. Read from the CLI, not the admin API, so it checks
     * {@link KratosServer#version()} against a second source.
     */
    static synchronized KratosVersion version() {
        if (version == null) {
            version = LocalKratosLauncher.detectVersion(binary());
        }
        return version;
    }
}
