package io.kratosflows.admin;

import io.kratosflows.IdentityId;
import io.kratosflows.Page;
import io.kratosflows.PageRequest;
import io.kratosflows.session.Session;
import java.time.Duration;
import java.util.Optional;

/**
 * The Kratos admin API, for back ends: identities, an identity's sessions, recovery codes and
 * courier messages. Thread-safe; obtain from {@code Kratos.admin()}, which needs
 * {@code KratosConfig.builder().adminUrl(...)}. Calls go to the admin URL over the same connection
 * pool, timeouts and listener as the public calls, and never carry a session token.
 *
 * <pre>{@code
 * Admin admin = kratos.admin();
 * Optional<AdminIdentity> ada = admin.listIdentities(IdentityQuery.byCredentialsIdentifier("ada@example.org"),
 *         PageRequest.first(1)).items().stream().findFirst();
 * }</pre>
 *
 * <p>The admin API has no authentication of its own: keep it off the internet (Kratos's advice) and
 * let only back ends reach it. Answers no method here expects (401/403 from a gateway, 5xx) are
 * {@code KratosErrorException}s; expected ones are values: a missing identity is an empty
 * {@code Optional} or {@code false}, a refused write an {@link IdentityWriteOutcome}.
 */
public interface Admin {

    /**
     * Reads one identity with its credentials' types and identifiers ({@code GET /admin/identities/{id}},
     * generated {@code getIdentity}).
     *
     * @return the identity; empty when Kratos knows no such id (404)
     */
    Optional<AdminIdentity> getIdentity(IdentityId id);

    /**
     * Creates an identity ({@code POST /admin/identities}, generated {@code createIdentity}).
     *
     * @throws io.kratosflows.error.InvalidInputException when an external id is given but the spec this
     *         client was generated from has none (Kratos v1.x); nothing is sent
     */
    IdentityWriteOutcome createIdentity(NewIdentity identity);

    /**
     * Replaces an identity's schema, traits, state, metadata and external id, and its password when
     * given ({@code PUT /admin/identities/{id}}, generated {@code updateIdentity}).
     */
    IdentityWriteOutcome updateIdentity(IdentityId id, IdentityUpdate update);

    /**
     * Deletes an identity with its credentials, sessions and addresses ({@code DELETE /admin/identities/{id}},
     * generated {@code deleteIdentity}).
     *
     * @return {@code true} when deleted; {@code false} when Kratos knew no such id (404)
     */
    boolean deleteIdentity(IdentityId id);

    /**
     * Lists one page of identities ({@code GET /admin/identities}, generated {@code listIdentities}),
     * with their credentials' types and identifiers. Follow {@link Page#next()} for the rest.
     *
     * @throws io.kratosflows.error.InvalidInputException when the query filters by organization and the
     *         spec this client was generated from has no such parameter (Kratos v1.x); nothing is sent
     */
    Page<AdminIdentity> listIdentities(IdentityQuery query, PageRequest page);

    /**
     * Lists one page of an identity's sessions, active and inactive, newest first
     * ({@code GET /admin/identities/{id}/sessions}, generated {@code listIdentitySessions}). Each
     * session's authentication methods tell when a credential was last used to sign in.
     */
    Page<Session> listSessions(IdentityId id, PageRequest page);

    /**
     * Lists one page of an identity's active sessions only ({@code ?active=true}) or inactive ones
     * only ({@code ?active=false}).
     */
    Page<Session> listSessions(IdentityId id, boolean active, PageRequest page);

    /**
     * Deletes every session of an identity, signing it out everywhere
     * ({@code DELETE /admin/identities/{id}/sessions}, generated {@code deleteIdentitySessions}).
     *
     * @return {@code true} when sessions were deleted; {@code false} when the identity had none (or does
     *         not exist: Kratos answers 404 for both)
     */
    boolean revokeSessions(IdentityId id);

    /**
     * Revokes one session by its id ({@code DELETE /admin/sessions/{id}}, generated {@code disableSession}).
     *
     * @return {@code true} when revoked; {@code false} when Kratos knows no such session (404)
     * @throws io.kratosflows.error.InvalidInputException when the id is not a UUID; nothing is sent
     */
    boolean revokeSession(String sessionId);

    /**
     * Creates a recovery code for an identity ({@code POST /admin/recovery/code}, generated
     * {@code createRecoveryCodeForIdentity}), valid for {@code expiresIn} or the server's default, for
     * a browser recovery flow (Kratos's default): hand the link and the code to the user.
     *
     * @return the code and its flow link; empty when Kratos knows no such identity (404)
     * @throws io.kratosflows.error.KratosErrorException HTTP 400 when recovery by code is disabled
     */
    Optional<RecoveryCode> createRecoveryCode(IdentityId id, Optional<Duration> expiresIn);

    /**
     * Creates a recovery code for a native recovery flow ({@code flow_type: api}): the app fetches
     * {@link RecoveryCode#flow()} with {@code kratos.recovery().fetch(...)} and submits the code
     * there, getting {@code RecoveryOutcome.Recovered} with a session token, no browser involved.
     *
     * @return the code and its flow; empty when Kratos knows no such identity (404)
     */
    Optional<RecoveryCode> createNativeRecoveryCode(IdentityId id, Optional<Duration> expiresIn);

    /**
     * Lists one page of courier messages, newest first ({@code GET /admin/courier/messages},
     * generated {@code listCourierMessages}).
     */
    Page<CourierMessage> listCourierMessages(CourierQuery query, PageRequest page);
}
