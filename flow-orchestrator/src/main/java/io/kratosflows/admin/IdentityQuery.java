package io.kratosflows.admin;

import io.kratosflows.IdentityId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which identities {@link Admin#listIdentities} lists: all, or those matching the filters set
 * (query parameters of {@code GET /admin/identities}).
 *
 * @param credentialsIdentifier {@code credentials_identifier}: the identity with a credential of exactly this
 *                              identifier, e.g. an email address
 * @param ids                   {@code ids}: only these identities
 * @param organizationId        {@code organization_id}: only this organization's identities (Kratos v25 and later)
 */
public record IdentityQuery(Optional<String> credentialsIdentifier, List<IdentityId> ids, Optional<String> organizationId) {

    /** Copies the ids. */
    public IdentityQuery {
        Objects.requireNonNull(credentialsIdentifier, "credentialsIdentifier == null");
        ids = List.copyOf(ids);
        Objects.requireNonNull(organizationId, "organizationId == null");
    }

    /** {@return every identity} */
    public static IdentityQuery all() {
        return new IdentityQuery(Optional.empty(), List.of(), Optional.empty());
    }

    /** {@return the identity whose credential has this identifier (e.g. {@code ada@example.org})} */
    public static IdentityQuery byCredentialsIdentifier(String identifier) {
        return new IdentityQuery(Optional.of(identifier), List.of(), Optional.empty());
    }

    /** {@return these identities} */
    public static IdentityQuery byIds(List<IdentityId> ids) {
        return new IdentityQuery(Optional.empty(), ids, Optional.empty());
    }

    /** {@return a copy limited to one organization} */
    public IdentityQuery inOrganization(String organizationId) {
        return new IdentityQuery(credentialsIdentifier, ids, Optional.of(organizationId));
    }
}
