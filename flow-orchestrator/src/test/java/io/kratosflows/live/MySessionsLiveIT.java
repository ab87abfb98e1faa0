package io.kratosflows.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.Kratos;
import io.kratosflows.Page;
import io.kratosflows.PageRequest;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.error.InvalidInputException;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.session.OtherSessionsRevokeOutcome;
import io.kratosflows.session.Session;
import io.kratosflows.session.SessionListOutcome;
import io.kratosflows.session.SessionRevokeOutcome;
import io.kratosflows.session.WhoamiOutcome;
import io.kratosflows.testkit.KratosServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The signed-in user's own sessions: list (paged), revoke one, revoke all others. */
class MySessionsLiveIT {

    static final KratosServer SERVER = KratosServer.defaults();

    @RegisterExtension
    static final Live LIVE = Live.on(SERVER);
    private static Kratos kratos;

    @BeforeAll
    static void connect() {
        kratos = LIVE.kratos();
    }


    private static SessionToken logIn(String email) {
        var outcome = kratos.login().submit(kratos.login().start(), new LoginMethod.Password(email, Secret.of(Live.PASSWORD)));
        return assertInstanceOf(LoginOutcome.Completed.class, outcome).token();
    }

    private static String sessionId(SessionToken token) {
        return assertInstanceOf(WhoamiOutcome.Active.class, kratos.sessions().whoami(token)).session().id();
    }

    private static Page<Session> page(SessionToken token, PageRequest request) {
        return assertInstanceOf(SessionListOutcome.Listed.class, kratos.sessions().list(token, request)).page();
    }

    /**
     * Three other sessions in pages of two and of one: every session exactly once. Kratos's own
     * next links would repeat the first page and never reach the last (see {@code Pages}).
     */
    @Test
    void listPagesThroughTheOtherSessionsOnly() {
        String email = Live.newEmail("my-sessions");
        SessionToken first = LIVE.register(email, Live.PASSWORD);
        SessionToken second = logIn(email);
        SessionToken third = logIn(email);
        SessionToken fourth = logIn(email);

        List<String> byTwo = all(fourth, PageRequest.first(2), new ArrayList<>());
        List<Integer> sizes = new ArrayList<>();
        List<String> byOne = all(fourth, PageRequest.first(1), sizes);

        Set<String> others = Set.of(sessionId(first), sessionId(second), sessionId(third));
        assertEquals(others, new HashSet<>(byTwo), "the three other sessions, never the caller's own");
        assertEquals(3, byTwo.size(), "each once");
        assertEquals(byTwo, byOne, "the same order whatever the page size");
        assertEquals(List.of(1, 1, 1), sizes, "three pages of one, then the list ends");
        assertEquals(3, page(fourth, PageRequest.first()).items().size());
    }

    private static List<String> all(SessionToken token, PageRequest first, List<Integer> sizes) {
        List<String> ids = new ArrayList<>();
        int pages = 0;
        for (PageRequest request = first; ; ) {
            Page<Session> page = page(token, request);
            page.items().forEach(s -> ids.add(s.id()));
            sizes.add(page.items().size());
            assertEquals(3, page.totalCount().orElseThrow(), "X-Total-Count counts the other sessions");
            if (page.next().isEmpty() || ++pages > 5) {
                return ids;
            }
            request = page.next().get();
        }
    }

    @Test
    void revokeOneThenAllOthers() {
        String email = Live.newEmail("revoke");
        SessionToken a = LIVE.register(email, Live.PASSWORD);
        SessionToken b = logIn(email);
        SessionToken c = logIn(email);
        SessionToken me = logIn(email);

        var revokedOne = kratos.sessions().revoke(me, sessionId(a));
        var unknown = kratos.sessions().revoke(me, UUID.randomUUID().toString());
        var current = kratos.sessions().revoke(me, sessionId(me));
        var others = kratos.sessions().revokeOthers(me);
        var afterwards = page(me, PageRequest.first());

        assertInstanceOf(SessionRevokeOutcome.Revoked.class, revokedOne);
        assertInstanceOf(WhoamiOutcome.NotSignedIn.class, kratos.sessions().whoami(a), "the revoked session no longer signs in");
        assertInstanceOf(SessionRevokeOutcome.Revoked.class, unknown, "Kratos answers 204 for an unknown id");
        assertEquals(400, assertInstanceOf(SessionRevokeOutcome.CurrentSession.class, current).error().status());
        // Kratos counts every other session it marks inactive, the one revoked a moment ago included.
        assertEquals(3, assertInstanceOf(OtherSessionsRevokeOutcome.Revoked.class, others).count(), "a, b and c");
        assertInstanceOf(WhoamiOutcome.NotSignedIn.class, kratos.sessions().whoami(b));
        assertInstanceOf(WhoamiOutcome.NotSignedIn.class, kratos.sessions().whoami(c));
        assertInstanceOf(WhoamiOutcome.Active.class, kratos.sessions().whoami(me), "the caller's own session stays");
        assertTrue(afterwards.items().isEmpty());
        assertFalse(afterwards.hasNext(), "an empty list ends, whatever Kratos links");
        assertThrows(InvalidInputException.class, () -> kratos.sessions().revoke(me, "whoami"));
    }

    @Test
    void withoutAValidTokenEveryCallIsNotSignedIn() {
        SessionToken gone = SessionToken.of("ory_st_not_a_real_token");

        assertInstanceOf(SessionListOutcome.NotSignedIn.class, kratos.sessions().list(gone, PageRequest.first()));
        assertInstanceOf(SessionRevokeOutcome.NotSignedIn.class, kratos.sessions().revoke(gone, UUID.randomUUID().toString()));
        assertInstanceOf(OtherSessionsRevokeOutcome.NotSignedIn.class, kratos.sessions().revokeOthers(gone));
    }
}
