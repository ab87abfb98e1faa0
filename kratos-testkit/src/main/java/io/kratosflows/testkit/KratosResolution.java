package io.kratosflows.testkit;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the testkit found a Kratos, decided by {@link KratosLocator}: a running server, a binary to
 * start, a release to download, nothing (the live tests are skipped) or a setting that is present
 * but wrong (the live tests fail, since someone asked for a Kratos that cannot be used).
 */
sealed interface KratosResolution {

    /** A running Kratos named by {@code KRATOS_PUBLIC_URL} and {@code KRATOS_ADMIN_URL}. */
    record External(URI publicUrl, URI adminUrl) implements KratosResolution {
        public External {
            Objects.requireNonNull(publicUrl, "publicUrl");
            Objects.requireNonNull(adminUrl, "adminUrl");
        }
    }

    /**
     * A Kratos binary to start.
     *
     * @param binary the executable
     * @param origin how it was found, for messages ({@code KRATOS_BIN}, {@code PATH}, {@code cache}
     *               or {@code download})
     */
    record Binary(Path binary, String origin) implements KratosResolution {
        public Binary {
            Objects.requireNonNull(binary, "binary");
            Objects.requireNonNull(origin, "origin");
        }
    }

    /**
     * No Kratos installed, but downloading is on ({@code KRATOS_DOWNLOAD=true}): the release to
     * fetch into the cache before the tests start.
     */
    record Download(KratosDownload download) implements KratosResolution {
        public Download {
            Objects.requireNonNull(download, "download");
        }
    }

    /** No Kratos anywhere: the live tests are skipped with this reason. */
    record NotFound(String reason) implements KratosResolution {
        public NotFound {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A Kratos setting is present but unusable: the live tests fail with this reason. */
    record Misconfigured(String reason) implements KratosResolution {
        public Misconfigured {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
