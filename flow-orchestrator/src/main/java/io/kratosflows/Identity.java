package io.kratosflows;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An identity as Kratos returns it in sessions and registrations ({@code identity}).
 *
 * @param id                   the identity id
 * @param schemaId             the identity schema id
 * @param traits               the traits
 * @param state                {@code active} or {@code inactive} (kept as text)
 * @param verifiableAddresses  addresses that can be verified, with their status
 * @param recoveryAddresses    addresses that can recover the account
 * @param createdAt            when the identity was created, when given
 */
public record Identity(IdentityId id, String schemaId, Traits traits, Optional<String> state,
                       List<VerifiableAddress> verifiableAddresses, List<RecoveryAddress> recoveryAddresses,
                       Optional<Instant> createdAt) {

    /** Copies the lists. */
    public Identity {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(schemaId, "schemaId == null");
        Objects.requireNonNull(traits, "traits == null");
        Objects.requireNonNull(state, "state == null");
        verifiableAddresses = List.copyOf(verifiableAddresses);
        recoveryAddresses = List.copyOf(recoveryAddresses);
        Objects.requireNonNull(createdAt, "createdAt == null");
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
