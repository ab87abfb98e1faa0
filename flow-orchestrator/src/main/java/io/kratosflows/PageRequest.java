package io.kratosflows;

import java.util.Objects;
import java.util.Optional;

/**
 * Which page of a Kratos list to read: its size ({@code page_size}) and where it starts
 * ({@code page_token}, absent for the first page). Take the next request from {@link Page#next()}.
 *
 * <pre>{@code
 * for (PageRequest request = PageRequest.first(100); ; ) {
 *     Page<Session> page = ...list(token, request)...;
 *     page.items().forEach(this::show);
 *     if (page.next().isEmpty()) break;
 *     request = page.next().get();
 * }
 * }</pre>
 *
 * @param pageSize  how many items the page holds, 1 to {@value #MAX_PAGE_SIZE}
 * @param pageToken where the page starts; empty for the first page
 */
public record PageRequest(int pageSize, Optional<PageToken> pageToken) {

    /** Kratos's own default page size. */
    public static final int DEFAULT_PAGE_SIZE = 250;
    /** The largest page Kratos serves for {@code page_size}. */
    public static final int MAX_PAGE_SIZE = 500;

    /** Checks the size. */
    public PageRequest {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_PAGE_SIZE + ", got " + pageSize);
        }
        Objects.requireNonNull(pageToken, "pageToken == null");
    }

    /** {@return the first page, of {@value #DEFAULT_PAGE_SIZE} items} */
    public static PageRequest first() {
        return first(DEFAULT_PAGE_SIZE);
    }

    /** {@return the first page, of {@code pageSize} items} */
    public static PageRequest first(int pageSize) {
        return new PageRequest(pageSize, Optional.empty());
    }

    /** {@return the page starting at {@code token}, of the same size} */
    public PageRequest at(PageToken token) {
        return new PageRequest(pageSize, Optional.of(Objects.requireNonNull(token, "token == null")));
    }
}
