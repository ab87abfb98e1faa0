package io.kratosflows.admin;

import io.kratosflows.FlowId;
import io.kratosflows.Secret;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A recovery code made by the admin API ({@code recoveryCodeForIdentity} of
 * {@code POST /admin/recovery/code}), for a back end to hand to its user (support desk, onboarding
 * mail of its own): the user opens {@code link}'s recovery flow and enters {@code code}, which signs
 * them in to set new credentials.
 *
 * @param link      {@code recovery_link}: the recovery UI's URL (the server's {@code selfservice.flows.recovery.ui_url})
 *                  with the flow id in its {@code flow} query parameter
 * @param code      the one-time code ({@code recovery_code}): a credential, printed as {@code Secret[***]}
 * @param expiresAt when the code expires, when given
 */
public record RecoveryCode(String link, Secret code, Optional<Instant> expiresAt) {

    /** Requires every component. */
    public RecoveryCode {
        Objects.requireNonNull(link, "link == null");
        Objects.requireNonNull(code, "code == null");
        Objects.requireNonNull(expiresAt, "expiresAt == null");
    }

    /**
     * {@return the recovery flow the code belongs to (the link's {@code flow} parameter)} For a code
     * made with {@link Admin#createNativeRecoveryCode}, fetch it with {@code kratos.recovery().fetch(flow)}
     * and submit the code there.
     */
    public Optional<FlowId> flow() {
        int q = link.indexOf('?');
        if (q < 0) {
            return Optional.empty();
        }
        for (String pair : link.substring(q + 1).split("&")) {
            if (pair.startsWith("flow=") && pair.length() > 5) {
                return Optional.of(FlowId.of(URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8)));
            }
        }
        return Optional.empty();
    }
}
