package io.kratosflows.spring.metrics;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Turns the path of an exchange into a low-cardinality template for metric tags. The library's
 * flow calls carry their ids in the query ({@code /self-service/login?flow=…}), so dropping the
 * query already gives the template; a path segment that is an id (a UUID) becomes {@code {id}},
 * should a call ever put one in the path.
 */
public final class PathTemplates {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private PathTemplates() {
    }

    /** {@return the template of a path with optional query, e.g. {@code /self-service/login}} */
    public static String of(String pathAndQuery) {
        Objects.requireNonNull(pathAndQuery, "pathAndQuery == null");
        int query = pathAndQuery.indexOf('?');
        String path = query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
        if (path.isEmpty()) {
            return "/";
        }
        String[] segments = path.split("/", -1);
        StringBuilder template = new StringBuilder(path.length());
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                template.append('/');
            }
            template.append(UUID.matcher(segments[i]).matches() ? "{id}" : segments[i]);
        }
        return template.toString();
    }
}
