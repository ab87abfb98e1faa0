package io.kratosflows.internal;

import io.kratosflows.IdentityId;
import io.kratosflows.Page;
import io.kratosflows.PageRequest;
import io.kratosflows.admin.Admin;
import io.kratosflows.admin.AdminIdentity;
import io.kratosflows.admin.CourierMessage;
import io.kratosflows.admin.CourierQuery;
import io.kratosflows.admin.IdentityQuery;
import io.kratosflows.admin.IdentityUpdate;
import io.kratosflows.admin.IdentityWriteOutcome;
import io.kratosflows.admin.NewIdentity;
import io.kratosflows.admin.RecoveryCode;
import io.kratosflows.session.Session;
import java.time.Duration;
import java.util.Optional;

/** {@link Admin}: each method one step, over calls to the admin URL. */
final class DefaultAdmin implements Admin {

    private final Calls calls;

    DefaultAdmin(Calls calls) {
        this.calls = calls;
    }

    @Override
    public Optional<AdminIdentity> getIdentity(IdentityId id) {
        return GetIdentityStep.run(calls, id);
    }

    @Override
    public IdentityWriteOutcome createIdentity(NewIdentity identity) {
        return CreateIdentityStep.run(calls, identity);
    }

    @Override
    public IdentityWriteOutcome updateIdentity(IdentityId id, IdentityUpdate update) {
        return UpdateIdentityStep.run(calls, id, update);
    }

    @Override
    public boolean deleteIdentity(IdentityId id) {
        return DeleteIdentityStep.run(calls, id);
    }

    @Override
    public Page<AdminIdentity> listIdentities(IdentityQuery query, PageRequest page) {
        return ListIdentitiesStep.run(calls, query, page);
    }

    @Override
    public Page<Session> listSessions(IdentityId id, PageRequest page) {
        return ListIdentitySessionsStep.run(calls, id, Optional.empty(), page);
    }

    @Override
    public Page<Session> listSessions(IdentityId id, boolean active, PageRequest page) {
        return ListIdentitySessionsStep.run(calls, id, Optional.of(active), page);
    }

    @Override
    public boolean revokeSessions(IdentityId id) {
        return DeleteIdentitySessionsStep.run(calls, id);
    }

    @Override
    public boolean revokeSession(String sessionId) {
        return DisableSessionStep.run(calls, sessionId);
    }

    @Override
    public Optional<RecoveryCode> createRecoveryCode(IdentityId id, Optional<Duration> expiresIn) {
        return CreateRecoveryCodeForIdentityStep.run(calls, id, expiresIn, Optional.empty());
    }

    @Override
    public Optional<RecoveryCode> createNativeRecoveryCode(IdentityId id, Optional<Duration> expiresIn) {
        return CreateRecoveryCodeForIdentityStep.run(calls, id, expiresIn, Optional.of("api"));
    }

    @Override
    public Page<CourierMessage> listCourierMessages(CourierQuery query, PageRequest page) {
        return ListCourierMessagesStep.run(calls, query, page);
    }

    @Override
    public String toString() {
        return "Admin[" + calls.baseUrl() + "]";
    }
}
