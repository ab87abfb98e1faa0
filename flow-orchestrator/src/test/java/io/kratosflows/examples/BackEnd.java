package io.kratosflows.examples;

import io.kratosflows.EndUser;
import io.kratosflows.IdentityId;
import io.kratosflows.Kratos;
import io.kratosflows.Page;
import io.kratosflows.PageRequest;
import io.kratosflows.Secret;
import io.kratosflows.Traits;
import io.kratosflows.admin.Admin;
import io.kratosflows.admin.AdminIdentity;
import io.kratosflows.admin.CourierMessage;
import io.kratosflows.admin.CourierQuery;
import io.kratosflows.admin.IdentityQuery;
import io.kratosflows.admin.IdentityUpdate;
import io.kratosflows.admin.IdentityWriteOutcome;
import io.kratosflows.admin.NewIdentity;
import io.kratosflows.admin.RecoveryCode;
import io.kratosflows.login.LoginFlow;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.session.Session;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The README's back-end examples, compiled by the build. Lines between the markers are the README's. */
final class BackEnd {

    private BackEnd() {
    }

    /** Stands in for a servlet request. */
    interface Request {
        String getRemoteAddr();

        String getHeader(String name);
    }

    static LoginOutcome logIn(Kratos kratos, Request request, LoginFlow flow, LoginMethod method) {
        // README:end-user:begin
        Kratos forUser = kratos.forEndUser(EndUser.of(request.getRemoteAddr(), request.getHeader("User-Agent")));
        LoginOutcome outcome = forUser.login().submit(flow, method);   // session.devices(): the user's IP and agent
        // README:end-user:end
        return outcome;
    }

    static Page<CourierMessage> administer(Kratos kratos, String email, String initial, IdentityId id) {
        // README:admin:begin
        Admin admin = kratos.admin();
        IdentityWriteOutcome created = admin.createIdentity(NewIdentity.of(Traits.email(email))
                .withPassword(Secret.of(initial)).withMetadataPublic(Map.of("plan", "gold")));   // Saved | Conflict | Invalid | NotFound
        Optional<AdminIdentity> ada = admin.getIdentity(id);                                  // empty when unknown
        admin.updateIdentity(id, IdentityUpdate.of(ada.orElseThrow()).withState("inactive")); // PUT: start from the current state
        Page<AdminIdentity> found = admin.listIdentities(IdentityQuery.byCredentialsIdentifier(email), PageRequest.first());
        Page<Session> sessions = admin.listSessions(id, PageRequest.first());
        admin.revokeSessions(id);                                                             // false when there were none
        RecoveryCode code = admin.createNativeRecoveryCode(id, Optional.of(Duration.ofMinutes(15))).orElseThrow();
        Page<CourierMessage> mails = admin.listCourierMessages(CourierQuery.to(email), PageRequest.first());
        // README:admin:end
        return mails;
    }
}
