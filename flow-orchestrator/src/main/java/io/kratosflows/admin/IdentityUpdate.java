package io.kratosflows.admin;

import io.kratosflows.Identity;
import io.kratosflows.Secret;
import io.kratosflows.Traits;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole new state of an identity for the admin API's replace call ({@code updateIdentityBody},
 * {@code PUT /admin/identities/{id}}). Kratos replaces traits, state, both metadata and the external
 * id with what is sent, so start from the identity as it is ({@link #of(AdminIdentity)}) and change
 * what should change; credentials are kept unless a password is given.
 *
 * <pre>{@code
 * AdminIdentity current = admin.getIdentity(id).orElseThrow();
 * admin.updateIdentity(id, IdentityUpdate.of(current).withMetadataPublic(Map.of("plan", "platinum")));
 * }</pre>
 *
 * @param schemaId       the identity schema
 * @param traits         the traits
 * @param state          {@code active} or {@code inactive} (required by Kratos)
 * @param metadataPublic {@code metadata_public}; empty clears it
 * @param metadataAdmin  {@code metadata_admin}; empty clears it
 * @param externalId     {@code external_id}; empty clears it (Kratos v25 and later)
 * @param password       a new password, when given; otherwise the credentials stay as they are
 */
public record IdentityUpdate(String schemaId, Traits traits, String state, Map<String, Object> metadataPublic,
                             Map<String, Object> metadataAdmin, Optional<String> externalId, Optional<Secret> password) {

    /** Requires every component; copies the metadata. */
    public IdentityUpdate {
        Objects.requireNonNull(schemaId, "schemaId == null");
        Objects.requireNonNull(traits, "traits == null");
        Objects.requireNonNull(state, "state == null");
        metadataPublic = NewIdentity.copy(metadataPublic, "metadataPublic");
        metadataAdmin = NewIdentity.copy(metadataAdmin, "metadataAdmin");
        Objects.requireNonNull(externalId, "externalId == null");
        Objects.requireNonNull(password, "password == null");
    }

    /** {@return an update that keeps everything as {@code current} has it} */
    public static IdentityUpdate of(AdminIdentity current) {
        Identity i = current.identity();
        return new IdentityUpdate(i.schemaId(), i.traits(), i.state().orElse("active"), i.metadataPublic(), current.metadataAdmin(),
                i.externalId(), Optional.empty());
    }

    /** {@return a copy with these traits} */
    public IdentityUpdate withTraits(Traits traits) {
        return new IdentityUpdate(schemaId, traits, state, metadataPublic, metadataAdmin, externalId, password);
    }

    /** {@return a copy in this state ({@code active} or {@code inactive}; an inactive identity cannot sign in)} */
    public IdentityUpdate withState(String state) {
        return new IdentityUpdate(schemaId, traits, state, metadataPublic, metadataAdmin, externalId, password);
    }

    /** {@return a copy with this public metadata} */
    public IdentityUpdate withMetadataPublic(Map<String, ?> metadata) {
        return new IdentityUpdate(schemaId, traits, state, NewIdentity.copy(metadata, "metadata"), metadataAdmin, externalId, password);
    }

    /** {@return a copy with this admin metadata} */
    public IdentityUpdate withMetadataAdmin(Map<String, ?> metadata) {
        return new IdentityUpdate(schemaId, traits, state, metadataPublic, NewIdentity.copy(metadata, "metadata"), externalId, password);
    }

    /** {@return a copy with this external id} */
    public IdentityUpdate withExternalId(String externalId) {
        return new IdentityUpdate(schemaId, traits, state, metadataPublic, metadataAdmin, Optional.of(externalId), password);
    }

    /** {@return a copy that sets a new password} */
    public IdentityUpdate withPassword(Secret password) {
        return new IdentityUpdate(schemaId, traits, state, metadataPublic, metadataAdmin, externalId, Optional.of(password));
    }
}
