package io.kratosflows.admin;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One credential of an identity as the admin API lists it ({@code identityCredentials}): its type
 * and identifiers, never its configuration (which holds password hashes, TOTP keys and backup codes).
 *
 * <p>Kratos records no "last used" time for a credential (no version does). When a credential was
 * last used to sign in shows in the sessions instead: {@code Session.authenticationMethods()}'s
 * {@code completedAt} (see {@link Admin#listSessions}).
 *
 * @param type        the credential type as Kratos names it: {@code password}, {@code code}, {@code totp},
 *                    {@code lookup_secret}, {@code webauthn}, {@code passkey}, {@code oidc}, {@code saml}, ...
 * @param identifiers what the credential is found by, e.g. the email for {@code password}
 * @param version     the version of the credential's configuration format
 * @param createdAt   when the credential was created, when given
 * @param updatedAt   when it last changed (e.g. a new password), when given
 */
public record Credential(String type, List<String> identifiers, long version, Optional<Instant> createdAt,
                         Optional<Instant> updatedAt) {

    /** Copies the identifiers. */
    public Credential {
        Objects.requireNonNull(type, "type == null");
        identifiers = List.copyOf(identifiers);
        Objects.requireNonNull(createdAt, "createdAt == null");
        Objects.requireNonNull(updatedAt, "updatedAt == null");
    }
}
