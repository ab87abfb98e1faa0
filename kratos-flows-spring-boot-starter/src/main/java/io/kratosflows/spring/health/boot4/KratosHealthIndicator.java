package io.kratosflows.spring.health.boot4;

import io.kratosflows.spring.health.KratosReadiness;
import java.util.Objects;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code kratos} Actuator health indicator (Spring Boot 4): UP when Kratos answers
 * {@code /health/ready} with 200, DOWN otherwise, with the URL, status and time taken as details.
 */
public final class KratosHealthIndicator extends AbstractHealthIndicator {

    private final KratosReadiness readiness;

    /** An indicator backed by a probe. */
    public KratosHealthIndicator(KratosReadiness readiness) {
        super("Kratos readiness check failed");
        this.readiness = Objects.requireNonNull(readiness, "readiness == null");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        KratosReadiness.Readiness answer = readiness.check();
        if (answer.ready()) {
            builder.up();
        } else {
            builder.down();
        }
        builder.withDetail("url", answer.url().toString());
        answer.status().ifPresent(status -> builder.withDetail("status", status));
        answer.error().ifPresent(error -> builder.withDetail("error", error));
        builder.withDetail("tookMillis", answer.took().toMillis());
    }
}
