package io.kratosflows.admin;

import io.kratosflows.Identity;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An identity as the admin API returns it ({@code identity} of {@code GET /admin/identities/{id}}):
 * everything the public API shows ({@link Identity}), plus {@code metadata_admin} and the
 * credentials' types, identifiers and times.
 *
 * @param identity      the identity, as the public API would show it
 * @param metadataAdmin {@code metadata_admin}: what a back end stored for its own eyes only, as JSON-like
 *                      Java values; empty when unset or not a JSON object
 * @param credentials   the credentials, in Kratos's order (type name), without their configuration
 * @param updatedAt     when the identity last changed, when given
 */
public record AdminIdentity(Identity identity, Map<String, Object> metadataAdmin, List<Credential> credentials,
                            Optional<Instant> updatedAt) {

    /** Copies the metadata and the credentials. */
    public AdminIdentity {
        Objects.requireNonNull(identity, "identity == null");
        metadataAdmin = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(metadataAdmin, "metadataAdmin == null")));
        credentials = List.copyOf(credentials);
        Objects.requireNonNull(updatedAt, "updatedAt == null");
    }

    /** {@return the credential of a type, e.g. {@code password}, when the identity has one} */
    public Optional<Credential> credential(String type) {
        return credentials.stream().filter(c -> c.type().equals(type)).findFirst();
    }
}
