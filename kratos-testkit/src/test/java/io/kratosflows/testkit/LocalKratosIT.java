package io.kratosflows.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts and stops a Kratos outside JUnit's extension model, as the CLI's demo does. */
class LocalKratosIT {

    @TempDir
    Path dir;

    @Test
    void startsAnswersAndStops() throws Exception {
        Optional<Path> binary = LocalKratos.find(System.getenv());
        assumeTrue(binary.isPresent(), KratosLocator.NOT_FOUND_REASON);
        HttpClient http = HttpClient.newHttpClient();
        URI ready;
        try (LocalKratos kratos = LocalKratos.start(LocalKratos.Options.of(binary.get(), dir.resolve("k")))) {
            ready = kratos.publicUrl().resolve("health/ready");
            assertEquals(200, http.send(HttpRequest.newBuilder(ready).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
            assertEquals("127.0.0.1", kratos.adminUrl().getHost());
            assertFalse(kratos.version().text().isBlank());
            assertFalse(kratos.mail().smtpPort().isEmpty());
        }
        assertThrows(IOException.class, () -> http.send(HttpRequest.newBuilder(ready).build(),
                HttpResponse.BodyHandlers.discarding()), "Kratos still answers after close");
    }

}
