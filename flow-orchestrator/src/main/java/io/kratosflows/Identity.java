package io.kratosflows;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An identity as Kratos returns it in sessions and registrations ({@code identity}). Kratos never
 * shows {@code metadata_admin} or the credentials to the public API: read those through
 * {@code Kratos.admin()} ({@code io.kratosflows.admin.AdminIdentity}).
 *
 * @param id                   the identity id
 * @param schemaId             the identity schema id
 * @param traits               the traits
 * @param state                {@code active} or {@code inactive} (kept as text)
 * @param verifiableAddresses  addresses that can be verified, with their status
 * @param recoveryAddresses    addresses that can recover the account
 * @param createdAt            when the identity was created, when given
 * @param metadataPublic       {@code metadata_public}: what a back end stored for the identity's own eyes
 *                             (through the admin API), as JSON-like Java values (String, Boolean,
 *                             BigDecimal, List, Map, null); empty when unset or not a JSON object
 * @param externalId           {@code external_id}: the id of the identity in another system, when set
 *                             (Kratos v25 and later)
 * @param organizationId       {@code organization_id}: the organization the identity belongs to, when any
 */
public record Identity(IdentityId id, String schemaId, Traits traits, Optional<String> state,
                       List<VerifiableAddress> verifiableAddresses, List<RecoveryAddress> recoveryAddresses,
                       Optional<Instant> createdAt, Map<String, Object> metadataPublic, Optional<String> externalId,
                       Optional<String> organizationId) {

    /** Copies the lists and the metadata. */
    public Identity {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(schemaId, "schemaId == null");
        Objects.requireNonNull(traits, "traits == null");
        Objects.requireNonNull(state, "state == null");
        verifiableAddresses = List.copyOf(verifiableAddresses);
        recoveryAddresses = List.copyOf(recoveryAddresses);
        Objects.requireNonNull(createdAt, "createdAt == null");
        metadataPublic = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(metadataPublic, "metadataPublic == null")));
        Objects.requireNonNull(externalId, "externalId == null");
        Objects.requireNonNull(organizationId, "organizationId == null");
    }

    /** An identity without metadata, external id or organization (the shape before those were read). */
    public Identity(IdentityId id, String schemaId, Traits traits, Optional<String> state,
                    List<VerifiableAddress> verifiableAddresses, List<RecoveryAddress> recoveryAddresses,
                    Optional<Instant> createdAt) {
        this(id, schemaId, traits, state, verifiableAddresses, recoveryAddresses, createdAt, Map.of(), Optional.empty(),
                Optional.empty());
    }

    /**
     * An address Kratos can verify.
     *
     * @param value    the address, e.g. an email
     * @param via      the channel ({@code email}, {@code sms})
     * @param verified whether it is verified
     * @param status   the verification status as Kratos wrote it ({@code pending}, {@code sent}, {@code completed})
     */
    public record VerifiableAddress(String value, String via, boolean verified, String status) {
        /** Requires all components. */
        public VerifiableAddress {
            Objects.requireNonNull(value, "value == null");
            Objects.requireNonNull(via, "via == null");
            Objects.requireNonNull(status, "status == null");
        }
    }

    /**
     * An address that can recover the account.
     *
     * @param value the address
     * @param via   the channel
     */
    public record RecoveryAddress(String value, String via) {
        /** Requires all components. */
        public RecoveryAddress {
            Objects.requireNonNull(value, "value == null");
            Objects.requireNonNull(via, "via == null");
        }
    }
}
