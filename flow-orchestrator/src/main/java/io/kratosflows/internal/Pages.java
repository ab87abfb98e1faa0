package io.kratosflows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.kratosflows.Page;
import io.kratosflows.PageRequest;
import io.kratosflows.PageToken;
import io.kratosflows.generated.invoker.Operation;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pagination of Kratos lists, in the two ways Kratos serves them.
 *
 * <p><b>Keyset lists</b> (identities, courier messages): {@code page_size} and {@code page_token}
 * out; the JSON array, {@code X-Total-Count} when sent, and the {@code page_token} of the
 * {@code rel="next"} link of the {@code Link} header back ({@link #keyset}, {@link #read}).
 *
 * <p><b>Session lists</b> ({@code listMySessions}, {@code listIdentitySessions}): paged by page
 * number ({@code page}, {@code per_page}; {@link #numbered}, {@link #readNumbered}). Their tokens
 * cannot be followed: Kratos (v1.3.1 to the development line after v26.2.0) turns a token's offset
 * into a 0-based page number and hands it to a 1-based paginator, so the page its {@code rel="next"}
 * link names repeats the first page, and the last page is never reached (recorded:
 * {@code fixtures/<version>/session/list-mine-page-2}). Page numbers from 1 reach every session
 * exactly once; the token a caller sees is that number.
 *
 * <p>Either way an empty page ends the list, whatever the links say (Kratos links a next page
 * even for an empty list).
 */
final class Pages {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?([^\",;]+)\"?");

    private Pages() {
    }

    /** Sets the page size and, after the first page, the token, by their names in the spec. */
    static <O extends Operation<O>> O keyset(O operation, PageRequest page) {
        operation.set("page_size", (long) page.pageSize());
        page.pageToken().ifPresent(token -> operation.set("page_token", token.value()));
        return operation;
    }

    /** Sets {@code page} (from 1) and {@code per_page}; {@code page_size} and {@code page_token} stay unset. */
    static <O extends Operation<O>> O numbered(O operation, PageRequest page) {
        operation.set("page", (long) pageNumber(page));
        operation.set("per_page", (long) page.pageSize());
        return operation;
    }

    private static int pageNumber(PageRequest page) {
        if (page.pageToken().isEmpty()) {
            return 1;
        }
        String token = page.pageToken().get().value();
        try {
            int number = Integer.parseInt(token);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException("'" + token + "' is not a page token of a session list: take it from Page.next()");
    }

    /**
     * {@return the page of a 200 answer to a {@link #numbered} request} A next page exists when this
     * one is full and, when Kratos sent the total, the pages so far hold fewer.
     */
    static <T> Page<T> readNumbered(String what, KratosResponse response, PageRequest asked,
                                    Function<JsonNode, Optional<T>> reader) {
        JsonNode body = response.json();
        if (!body.isArray()) {
            throw response.unexpected(what + ": the answer is not a list");
        }
        List<T> items = new ArrayList<>(body.size());
        body.forEach(item -> reader.apply(item).ifPresent(items::add));
        OptionalLong total = totalCount(response);
        int number = pageNumber(asked);
        boolean more = body.size() >= asked.pageSize()
                && (total.isEmpty() || (long) number * asked.pageSize() < total.getAsLong());
        Optional<PageRequest> next = more ? Optional.of(asked.at(PageToken.of(Integer.toString(number + 1)))) : Optional.empty();
        return new Page<>(items, total, next);
    }

    /**
     * {@return the page of a 200 answer to a {@link #keyset} request} Items the reader cannot read
     * (no id) are left out.
     *
     * @throws io.kratosflows.error.UnexpectedResponseException when the body is not a JSON array
     */
    static <T> Page<T> read(String what, KratosResponse response, PageRequest asked, Function<JsonNode, Optional<T>> reader) {
        JsonNode body = response.json();
        if (!body.isArray()) {
            throw response.unexpected(what + ": the answer is not a list");
        }
        List<T> items = new ArrayList<>(body.size());
        body.forEach(item -> reader.apply(item).ifPresent(items::add));
        Optional<PageRequest> next = body.isEmpty() ? Optional.empty()
                : nextToken(response).filter(token -> !asked.pageToken().equals(Optional.of(token))).map(asked::at);
        return new Page<>(items, totalCount(response), next);
    }

    private static OptionalLong totalCount(KratosResponse response) {
        try {
            return response.header("X-Total-Count").map(String::trim).map(Long::parseLong).filter(n -> n >= 0)
                    .map(OptionalLong::of).orElse(OptionalLong.empty());
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** {@return the {@code page_token} of the {@code rel="next"} link, when there is one} */
    static Optional<PageToken> nextToken(KratosResponse response) {
        Optional<String> link = response.header("Link");
        if (link.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = LINK.matcher(link.get());
        while (m.find()) {
            if (m.group(2).trim().equalsIgnoreCase("next")) {
                return queryValue(m.group(1), "page_token").filter(v -> !v.isBlank()).map(PageToken::of);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> queryValue(String url, String name) {
        int q = url.indexOf('?');
        if (q < 0) {
            return Optional.empty();
        }
        for (String pair : url.substring(q + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2 && kv[0].equals(name)) {
                try {
                    return Optional.of(URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
