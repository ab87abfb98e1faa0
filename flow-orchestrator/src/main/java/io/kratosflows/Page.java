package io.kratosflows;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page of a Kratos list (sessions, identities, courier messages): the items, the total when
 * Kratos sent {@code X-Total-Count}, and the request for the next page when there is one.
 *
 * <p>{@link #next()} follows the {@code rel="next"} link of Kratos's {@code Link} header, except
 * after an empty page: Kratos advertises a next (and a previous) page even for an empty list, so
 * an empty page always ends the list.
 *
 * <pre>
 * 200 [{...}, {...}]  X-Total-Count: 3  Link: &lt;/sessions?page_size=2&amp;page_token=...&gt;; rel="next"
 *     → Page(items=[2], totalCount=3, next=PageRequest(2, token))
 * </pre>
 *
 * @param items      the items of this page, in Kratos's order
 * @param totalCount the number of items in the whole list, when Kratos sent it
 * @param next       the request for the next page; empty on the last page
 * @param <T>        the item type
 */
public record Page<T>(List<T> items, OptionalLong totalCount, Optional<PageRequest> next) {

    /** Copies the items. */
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(totalCount, "totalCount == null");
        Objects.requireNonNull(next, "next == null");
    }

    /** {@return whether a next page exists} */
    public boolean hasNext() {
        return next.isPresent();
    }
}
