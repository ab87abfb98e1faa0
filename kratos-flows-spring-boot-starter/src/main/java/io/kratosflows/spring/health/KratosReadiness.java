package io.kratosflows.spring.health;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Asks Kratos whether it is ready: {@code GET <public URL>/health/ready}, which Kratos answers 200
 * {@code {"status":"ok"}} once its database is reachable and 503 otherwise. The kratos-flows library
 * has no call for this, so the probe makes its own small request (JDK {@code HttpClient}, no
 * redirects, the configured timeout). Backs the Actuator health indicator; on Spring Boot 3.5
 * (whose health API lives elsewhere) wrap it in a {@code HealthIndicator} of your own.
 */
public final class KratosReadiness {

    private final URI url;
    private final Duration timeout;
    private final HttpClient http;

    /** A probe for the Kratos public API at {@code publicUrl}. */
    public KratosReadiness(URI publicUrl, Duration timeout) {
        Objects.requireNonNull(publicUrl, "publicUrl == null");
        this.timeout = Objects.requireNonNull(timeout, "timeout == null");
        String base = publicUrl.toString();
        this.url = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/health/ready");
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    /** {@return what Kratos answered now} Never throws for an unreachable or slow Kratos. */
    public Readiness check() {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Accept", "application/json").GET().build();
        long start = System.nanoTime();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return new Readiness(response.statusCode() == 200, url, OptionalInt.of(response.statusCode()),
                    Duration.ofNanos(System.nanoTime() - start), Optional.empty());
        } catch (IOException e) {
            return new Readiness(false, url, OptionalInt.empty(), Duration.ofNanos(System.nanoTime() - start),
                    Optional.of(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Readiness(false, url, OptionalInt.empty(), Duration.ofNanos(System.nanoTime() - start),
                    Optional.of("interrupted"));
        }
    }

    /** {@return the URL probed} */
    public URI url() {
        return url;
    }

    @Override
    public String toString() {
        return "KratosReadiness[" + url + ", timeout=" + timeout + "]";
    }

    /**
     * One answer of the probe.
     *
     * @param ready  whether Kratos answered 200
     * @param url    the URL probed
     * @param status the HTTP status, when Kratos answered
     * @param took   how long the probe took
     * @param error  why no answer came, when none did
     */
    public record Readiness(boolean ready, URI url, OptionalInt status, Duration took, Optional<String> error) {
        /** Requires every component. */
        public Readiness {
            Objects.requireNonNull(url, "url == null");
            Objects.requireNonNull(status, "status == null");
            Objects.requireNonNull(took, "took == null");
            Objects.requireNonNull(error, "error == null");
        }
    }
}
