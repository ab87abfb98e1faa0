package io.kratosflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.PageRequest;
import io.kratosflows.PageToken;
import io.kratosflows.SessionToken;
import io.kratosflows.error.KratosErrorException;
import io.kratosflows.error.UnexpectedResponseException;
import io.kratosflows.session.SessionListOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Listing my sessions from recorded Kratos v26.2.0 answers (bodies and their X-Total-Count headers). */
class ListMySessionsStepTest {

    private static SessionListOutcome.Listed listed(KratosResponse response, PageRequest asked) {
        return assertInstanceOf(SessionListOutcome.Listed.class, ListMySessionsStep.outcome(response, asked));
    }

    private static List<String> query(PageRequest page) {
        List<String> query = new ArrayList<>();
        ListMySessionsStep.operation(SessionToken.of("ory_st_x"), page).forEachQuery((k, v) -> query.add(k + "=" + v));
        return query;
    }

    @Test
    void aWholeListIsOnePageWithItsTotal() {
        var page = listed(Wire.recordedWithHeaders("session/list-mine.200.json"), PageRequest.first(3)).page();

        assertEquals(3, page.items().size());
        assertEquals(OptionalLong.of(3), page.totalCount());
        assertFalse(page.hasNext(), "three of three seen");
        var session = page.items().get(0);
        assertTrue(session.active());
        assertEquals("kratos-flows-fixture/1.0 (other 2)", session.devices().get(0).userAgent().orElseThrow());
        assertTrue(session.identity().orElseThrow().verifiableAddresses().isEmpty(), "Kratos lists identities without addresses");
    }

    @Test
    void pagesAreAskedForByNumberNotByKratosToken() {
        assertEquals(List.of("page=1", "per_page=2"), query(PageRequest.first(2)));
        assertEquals(List.of("page=3", "per_page=2"), query(PageRequest.first(2).at(PageToken.of("3"))));
        assertThrows(IllegalArgumentException.class, () -> query(PageRequest.first(2).at(PageToken.of("eyJvZmZzZXQiOiIxIiwidiI6Mn0"))));
        assertEquals("/sessions", ListMySessionsStep.operation(SessionToken.of("ory_st_x"), PageRequest.first()).path());
    }

    @Test
    void aFullPageBelowTheTotalHasANextPage() {
        var first = listed(Wire.recordedWithHeaders("session/list-mine-page-size-1.200.json"), PageRequest.first(1)).page();
        PageRequest second = first.next().orElseThrow();
        var secondPage = listed(Wire.recordedWithHeaders("session/list-mine-page-size-1.200.json"), second).page();
        PageRequest third = secondPage.next().orElseThrow();
        var lastPage = listed(Wire.recordedWithHeaders("session/list-mine-page-size-1.200.json"), third).page();

        assertEquals(1, second.pageSize());
        assertEquals("2", second.pageToken().orElseThrow().value());
        assertEquals("3", third.pageToken().orElseThrow().value());
        assertFalse(lastPage.hasNext(), "page 3 of size 1 reaches the total of 3");
    }

    @Test
    void aShortOrEmptyPageEndsTheList() {
        var empty = listed(Wire.recordedWithHeaders("session/list-mine-after-delete-others.200.json"), PageRequest.first()).page();
        var shortPage = listed(Wire.of(200, Wire.body("session/list-mine-page-size-1.200.json")), PageRequest.first(5)).page();
        var fullWithoutTotal = listed(Wire.of(200, Wire.body("session/list-mine-page-size-1.200.json")), PageRequest.first(1)).page();

        assertEquals(List.of(), empty.items());
        assertEquals(OptionalLong.of(0), empty.totalCount());
        assertFalse(empty.hasNext(), "although Kratos links a next page");
        assertFalse(shortPage.hasNext());
        assertTrue(fullWithoutTotal.hasNext(), "without a total only an empty or short page ends the list");
    }

    @Test
    void noTokenIsNotSignedIn() {
        var outcome = ListMySessionsStep.outcome(Wire.recorded("session/list-mine-no-token.401.json"), PageRequest.first());

        assertEquals(401, assertInstanceOf(SessionListOutcome.NotSignedIn.class, outcome).error().status());
    }

    @Test
    void aMissingSecondFactorIsTyped() {
        var outcome = ListMySessionsStep.outcome(Wire.recorded("session/whoami-aal2-required.403.json"), PageRequest.first());

        assertTrue(assertInstanceOf(SessionListOutcome.SecondFactorRequired.class, outcome).error().is("session_aal2_required"));
    }

    @Test
    void oddAnswersAreFailures() {
        assertThrows(UnexpectedResponseException.class, () -> ListMySessionsStep.outcome(Wire.of(200, "{}"), PageRequest.first()));
        assertThrows(UnexpectedResponseException.class, () -> ListMySessionsStep.outcome(Wire.of(200, ""), PageRequest.first()));
        assertThrows(KratosErrorException.class,
                () -> ListMySessionsStep.outcome(Wire.of(403, "{\"error\":{\"id\":\"security_csrf_violation\"}}"), PageRequest.first()));
    }

    @Test
    void aBrokenTotalIsLeftOut() {
        var page = listed(Wire.of(200, Map.of("X-Total-Count", "many"), "[]"), PageRequest.first()).page();

        assertEquals(OptionalLong.empty(), page.totalCount());
    }
}
