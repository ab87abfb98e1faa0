package io.kratosflows.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.IdentityId;
import io.kratosflows.Kratos;
import io.kratosflows.KratosConfig;
import io.kratosflows.Page;
import io.kratosflows.PageRequest;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
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
import io.kratosflows.error.InvalidInputException;
import io.kratosflows.generated.model.CreateIdentityBody;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.recovery.RecoveryMethod;
import io.kratosflows.recovery.RecoveryOutcome;
import io.kratosflows.session.Session;
import io.kratosflows.session.WhoamiOutcome;
import io.kratosflows.testkit.KratosServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The admin client of a back end, against a real admin API. */
class AdminLiveIT {

    static final KratosServer SERVER = KratosServer.defaults();

    @RegisterExtension
    static final Live LIVE = Live.on(SERVER);
    private static Kratos kratos;
    private static Admin admin;

    @BeforeAll
    static void connect() {
        kratos = LIVE.kratos();
        admin = kratos.admin();
    }


    /** External ids exist from Kratos v25 on (v1.3.1 refuses the field). */
    /** External ids need a Kratos that has them (v25 on) and a client generated from a spec that has them. */
    private static boolean externalIds() {
        return SERVER.version().isAtLeast(25, 0) && Arrays.stream(CreateIdentityBody.class.getFields())
                .anyMatch(f -> f.getName().equals("JSON_PROPERTY_EXTERNAL_ID"));
    }

    private static AdminIdentity create(String email) {
        NewIdentity identity = NewIdentity.of(Traits.email(email)).withPassword(Secret.of(Live.PASSWORD))
                .withMetadataPublic(Map.of("plan", "gold", "seats", 3)).withMetadataAdmin(Map.of("crm", "A-7"));
        if (externalIds()) {
            identity = identity.withExternalId("ext-" + UUID.randomUUID());
        }
        return assertInstanceOf(IdentityWriteOutcome.Saved.class, admin.createIdentity(identity)).identity();
    }

    private static SessionToken logIn(String email) {
        var outcome = kratos.login().submit(kratos.login().start(), new LoginMethod.Password(email, Secret.of(Live.PASSWORD)));
        return assertInstanceOf(LoginOutcome.Completed.class, outcome).token();
    }

    @Test
    void createReadReplaceAndDelete() {
        String email = Live.newEmail("admin");
        AdminIdentity created = create(email);
        IdentityId id = created.identity().id();

        var duplicate = admin.createIdentity(NewIdentity.of(Traits.email(email)).withPassword(Secret.of(Live.PASSWORD)));
        var invalid = admin.createIdentity(NewIdentity.of(Traits.of(Map.of("email", "not an email"))));
        AdminIdentity read = admin.getIdentity(id).orElseThrow();

        assertInstanceOf(IdentityWriteOutcome.Conflict.class, duplicate);
        assertInstanceOf(IdentityWriteOutcome.Invalid.class, invalid);
        assertEquals(List.of(email), read.credential("password").orElseThrow().identifiers());
        assertTrue(read.credential("password").orElseThrow().createdAt().isPresent());
        assertEquals("A-7", read.metadataAdmin().get("crm"));
        assertEquals("gold", read.identity().metadataPublic().get("plan"));
        assertEquals(created.identity().externalId(), read.identity().externalId());
        assertEquals(externalIds(), read.identity().externalId().isPresent());

        var replaced = admin.updateIdentity(id, IdentityUpdate.of(read).withMetadataPublic(Map.of("plan", "platinum")));
        AdminIdentity after = assertInstanceOf(IdentityWriteOutcome.Saved.class, replaced).identity();
        var unknown = admin.updateIdentity(IdentityId.of(UUID.randomUUID().toString()), IdentityUpdate.of(read));

        assertEquals("platinum", after.identity().metadataPublic().get("plan"));
        assertEquals("A-7", after.metadataAdmin().get("crm"), "kept: the update started from the identity as it was");
        assertEquals(read.identity().externalId(), after.identity().externalId());
        assertInstanceOf(IdentityWriteOutcome.NotFound.class, unknown);
        assertInstanceOf(LoginOutcome.Completed.class, kratos.login().submit(kratos.login().start(),
                new LoginMethod.Password(email, Secret.of(Live.PASSWORD))), "the password survived the replace");

        assertTrue(admin.deleteIdentity(id));
        assertTrue(admin.getIdentity(id).isEmpty());
        assertFalse(admin.deleteIdentity(id));
    }

    @Test
    void theIdentityDetailsReachTheSignedInUser() {
        String email = Live.newEmail("admin-public");
        AdminIdentity created = create(email);
        SessionToken token = logIn(email);

        var me = assertInstanceOf(WhoamiOutcome.Active.class, kratos.sessions().whoami(token));

        var identity = me.session().identity().orElseThrow();
        assertEquals(Map.of("plan", "gold", "seats", new java.math.BigDecimal("3")), identity.metadataPublic());
        assertEquals(created.identity().externalId(), identity.externalId());
        assertTrue(identity.organizationId().isEmpty());
        assertEquals(identity.id(), me.authenticatedIdentityId().orElseThrow(), "X-Kratos-Authenticated-Identity-Id");
        assertFalse(me.toString().contains("A-7"), "metadata_admin never reaches the public API");
    }

    @Test
    void findAndPageThroughIdentities() {
        String email = Live.newEmail("admin-find");
        AdminIdentity created = create(email);
        create(Live.newEmail("admin-page"));

        var found = admin.listIdentities(IdentityQuery.byCredentialsIdentifier(email), PageRequest.first());
        var byId = admin.listIdentities(IdentityQuery.byIds(List.of(created.identity().id())), PageRequest.first());
        Page<AdminIdentity> first = admin.listIdentities(IdentityQuery.all(), PageRequest.first(1));
        Page<AdminIdentity> second = admin.listIdentities(IdentityQuery.all(), first.next().orElseThrow());

        assertEquals(List.of(created.identity().id()), found.items().stream().map(i -> i.identity().id()).toList());
        assertEquals(List.of(created.identity().id()), byId.items().stream().map(i -> i.identity().id()).toList());
        assertEquals(1, first.items().size());
        assertEquals(1, second.items().size());
        assertNotEquals(first.items().get(0).identity().id(), second.items().get(0).identity().id(), "keyset tokens move on");
        assertTrue(found.items().get(0).credential("password").isPresent());
    }

    @Test
    void listAndRevokeAnIdentitysSessions() {
        String email = Live.newEmail("admin-sessions");
        IdentityId id = create(email).identity().id();
        SessionToken a = logIn(email);
        SessionToken b = logIn(email);
        SessionToken c = logIn(email);

        Set<String> paged = new HashSet<>();
        for (PageRequest r = PageRequest.first(2); ; ) {
            Page<Session> page = admin.listSessions(id, r);
            page.items().forEach(s -> paged.add(s.id()));
            if (page.next().isEmpty()) {
                break;
            }
            r = page.next().get();
        }
        String aId = assertInstanceOf(WhoamiOutcome.Active.class, kratos.sessions().whoami(a)).session().id();
        Instant completed = admin.listSessions(id, PageRequest.first()).items().get(0).authenticationMethods().get(0)
                .completedAt().orElseThrow();

        assertEquals(3, paged.size(), "every session once, in pages of two");
        assertTrue(completed.isAfter(Instant.now().minus(Duration.ofMinutes(5))), "when the password was last used");
        assertTrue(admin.revokeSession(aId));
        assertFalse(admin.revokeSession(UUID.randomUUID().toString()));
        assertEquals(2, admin.listSessions(id, true, PageRequest.first()).items().size(), "active only");
        assertEquals(1, admin.listSessions(id, false, PageRequest.first()).items().size(), "inactive only");
        assertInstanceOf(WhoamiOutcome.NotSignedIn.class, kratos.sessions().whoami(a));
        assertTrue(admin.revokeSessions(id));
        assertInstanceOf(WhoamiOutcome.NotSignedIn.class, kratos.sessions().whoami(b));
        assertInstanceOf(WhoamiOutcome.NotSignedIn.class, kratos.sessions().whoami(c));
        assertFalse(admin.revokeSessions(id), "none left");
        assertThrows(InvalidInputException.class, () -> admin.revokeSession("not-a-uuid"));
    }

    @Test
    void aNativeRecoveryCodeSignsTheUserInWithoutABrowser() {
        String email = Live.newEmail("admin-recovery");
        IdentityId id = create(email).identity().id();

        RecoveryCode code = admin.createNativeRecoveryCode(id, Optional.of(Duration.ofMinutes(10))).orElseThrow();
        var flow = kratos.recovery().fetch(code.flow().orElseThrow());
        var recovered = kratos.recovery().submit(flow, RecoveryMethod.Code.submit(code.code()));
        RecoveryCode browser = admin.createRecoveryCode(id, Optional.empty()).orElseThrow();

        assertInstanceOf(RecoveryOutcome.Recovered.class, recovered);
        assertTrue(code.expiresAt().orElseThrow().isBefore(Instant.now().plus(Duration.ofMinutes(11))));
        assertTrue(browser.flow().isPresent(), "the recovery UI's URL with the flow: " + browser.link());
        assertNotEquals(code.flow(), browser.flow());
        assertFalse(code.toString().contains(code.code().reveal()));
        assertTrue(admin.createRecoveryCode(IdentityId.of(UUID.randomUUID().toString()), Optional.empty()).isEmpty());
    }

    @Test
    void courierMessagesToOneAddress() {
        String email = Live.newEmail("admin-courier");
        create(email);
        kratos.recovery().submit(kratos.recovery().start(), RecoveryMethod.Code.request(email));
        LIVE.code(email, io.kratosflows.testkit.CodePurpose.RECOVERY); // waits for the courier

        List<CourierMessage> messages = admin.listCourierMessages(CourierQuery.to(email), PageRequest.first()).items();

        assertFalse(messages.isEmpty());
        CourierMessage message = messages.get(0);
        assertEquals(email, message.recipient());
        assertEquals("email", message.type());
        assertTrue(message.body().reveal().contains(LIVE.code(email, io.kratosflows.testkit.CodePurpose.RECOVERY)));
        assertFalse(message.toString().contains(message.body().reveal()));
        assertTrue(admin.listCourierMessages(CourierQuery.to(Live.newEmail("nobody")), PageRequest.first()).items().isEmpty());
    }

    @Test
    void withoutAnAdminUrlAdminFailsFast() {
        try (Kratos publicOnly = Kratos.connect(KratosConfig.builder().publicUrl(SERVER.publicUrl().toString()).build())) {
            var e = assertThrows(IllegalStateException.class, publicOnly::admin);
            assertTrue(e.getMessage().contains("adminUrl"), e.getMessage());
        }
    }
}
