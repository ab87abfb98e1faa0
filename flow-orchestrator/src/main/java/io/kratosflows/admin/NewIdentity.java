package io.kratosflows.admin;

import io.kratosflows.Secret;
import io.kratosflows.Traits;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An identity to create through the admin API ({@code createIdentityBody}). Start from
 * {@link #of(Traits)} and add what you need; immutable.
 *
 * <pre>{@code
 * admin.createIdentity(NewIdentity.of(Traits.email("ada@example.org"))
 *         .withPassword(Secret.of(initialPassword))
 *         .withMetadataPublic(Map.of("plan", "gold"))
 *         .withExternalId("crm-4711"));
 * }</pre>
 *
 * @param schemaId       the identity schema ({@code default} unless the server has several)
 * @param traits         the traits, validated by Kratos against the schema
 * @param password       an initial password ({@code credentials.password.config.password}), when given
 * @param state          {@code active} or {@code inactive}; Kratos's default ({@code active}) when empty
 * @param metadataPublic {@code metadata_public}: visible to the user in their sessions
 * @param metadataAdmin  {@code metadata_admin}: visible through the admin API only
 * @param externalId     {@code external_id}: the identity's id in another system (Kratos v25 and later)
 */
public record NewIdentity(String schemaId, Traits traits, Optional<Secret> password, Optional<String> state,
                          Map<String, Object> metadataPublic, Map<String, Object> metadataAdmin, Optional<String> externalId) {

    /** Requires every component; copies the metadata. */
    public NewIdentity {
        Objects.requireNonNull(schemaId, "schemaId == null");
        Objects.requireNonNull(traits, "traits == null");
        Objects.requireNonNull(password, "password == null");
        Objects.requireNonNull(state, "state == null");
        metadataPublic = copy(metadataPublic, "metadataPublic");
        metadataAdmin = copy(metadataAdmin, "metadataAdmin");
        Objects.requireNonNull(externalId, "externalId == null");
    }

    static Map<String, Object> copy(Map<String, ?> values, String name) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(values, name + " == null")));
    }

    /** {@return an identity of the {@code default} schema with these traits and nothing else} */
    public static NewIdentity of(Traits traits) {
        return new NewIdentity("default", traits, Optional.empty(), Optional.empty(), Map.of(), Map.of(), Optional.empty());
    }

    /** {@return a copy of another schema} */
    public NewIdentity withSchemaId(String schemaId) {
        return new NewIdentity(schemaId, traits, password, state, metadataPublic, metadataAdmin, externalId);
    }

    /** {@return a copy with an initial password} */
    public NewIdentity withPassword(Secret password) {
        return new NewIdentity(schemaId, traits, Optional.of(password), state, metadataPublic, metadataAdmin, externalId);
    }

    /** {@return a copy in this state ({@code active} or {@code inactive})} */
    public NewIdentity withState(String state) {
        return new NewIdentity(schemaId, traits, password, Optional.of(state), metadataPublic, metadataAdmin, externalId);
    }

    /** {@return a copy with this public metadata (JSON-like values)} */
    public NewIdentity withMetadataPublic(Map<String, ?> metadata) {
        return new NewIdentity(schemaId, traits, password, state, copy(metadata, "metadata"), metadataAdmin, externalId);
    }

    /** {@return a copy with this admin metadata (JSON-like values)} */
    public NewIdentity withMetadataAdmin(Map<String, ?> metadata) {
        return new NewIdentity(schemaId, traits, password, state, metadataPublic, copy(metadata, "metadata"), externalId);
    }

    /** {@return a copy with this external id} */
    public NewIdentity withExternalId(String externalId) {
        return new NewIdentity(schemaId, traits, password, state, metadataPublic, metadataAdmin, Optional.of(externalId));
    }
}
