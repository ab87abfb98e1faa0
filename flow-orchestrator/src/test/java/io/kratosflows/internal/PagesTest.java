package io.kratosflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.PageRequest;
import io.kratosflows.PageToken;
import io.kratosflows.error.UnexpectedResponseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Link-header pagination of keyset lists, on the Link headers Kratos v26.2.0 recorded. */
class PagesTest {

    private static final String ITEMS = "[{\"id\":\"a\"},{\"id\":\"b\"}]";

    private static Optional<String> id(com.fasterxml.jackson.databind.JsonNode item) {
        return Json.nonBlank(item, "id");
    }

    @Test
    void relNextIsFollowedAndRelPrevIgnored() {
        KratosResponse middle = Wire.recordedWithHeaders("session/list-mine-page-2.200.json");

        assertEquals("eyJvZmZzZXQiOiIyIiwidiI6Mn0", Pages.nextToken(middle).orElseThrow().value());
        assertTrue(Pages.nextToken(Wire.recordedWithHeaders("session/list-mine.200.json")).isEmpty(), "only rel=first");
    }

    @Test
    void aKeysetPageTakesTheLinkedTokenAndKeepsTheSize() {
        String link = "</admin/identities?page_size=2&page_token=eyJrIjoiYiJ9%3D>; rel=\"first\","
                + "</admin/identities?page_size=2&page_token=eyJrIjoiYiJ9>; rel=\"next\"";

        var page = Pages.read("list", Wire.of(200, Map.of("Link", link), ITEMS), PageRequest.first(2), PagesTest::id);

        assertEquals(List.of("a", "b"), page.items());
        assertEquals(new PageRequest(2, Optional.of(PageToken.of("eyJrIjoiYiJ9"))), page.next().orElseThrow());
        assertTrue(page.totalCount().isEmpty(), "keyset lists send no X-Total-Count");
    }

    @Test
    void anEmptyPageOrALinkToItselfEndsTheList() {
        KratosResponse emptyWithNext = Wire.recordedWithHeaders("session/list-mine-after-delete-others.200.json");
        String self = "</admin/identities?page_size=2&page_token=abc>; rel=\"next\"";

        assertTrue(Pages.nextToken(emptyWithNext).isPresent(), "Kratos links rel=next for an empty list");
        assertFalse(Pages.read("list", emptyWithNext, PageRequest.first(), PagesTest::id).hasNext());
        assertFalse(Pages.read("list", Wire.of(200, Map.of("Link", self), ITEMS), PageRequest.first(2).at(PageToken.of("abc")),
                PagesTest::id).hasNext(), "a server that links a page to itself must not loop a caller forever");
    }

    @Test
    void itemsWithoutAnIdAreLeftOutAndANonListIsUnexpected() {
        var page = Pages.read("list", Wire.of(200, "[{\"id\":\"a\"},{}]"), PageRequest.first(), PagesTest::id);

        assertEquals(List.of("a"), page.items());
        assertThrows(UnexpectedResponseException.class, () -> Pages.read("list", Wire.of(200, "{}"), PageRequest.first(), PagesTest::id));
    }
}
