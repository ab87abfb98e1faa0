package io.kratosflows.testkit;

import java.util.Objects;

/**
 * A call to Kratos's admin API answered with an unexpected status. Carries the method, path,
 * status and response body (request bodies, which may hold passwords, are never included).
 */
public final class KratosAdminException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_BODY_IN_MESSAGE = 2_000;

    private final String method;
    private final String path;
    private final int status;
    private final String body;

    KratosAdminException(String method, String path, int status, String body) {
        super("Kratos admin " + method + " " + path + " answered " + status + ": "
                + abbreviate(Objects.requireNonNull(body, "body")));
        this.method = method;
        this.path = path;
        this.status = status;
        this.body = body;
    }

    /** The HTTP method, for example {@code POST}. */
    public String method() {
        return method;
    }

    /** The request path, for example {@code /admin/identities}. */
    public String path() {
        return path;
    }

    /** The HTTP status Kratos answered with. */
    public int status() {
        return status;
    }

    /** The response body as Kratos sent it (usually {@code {"error":{…}}}). */
    public String body() {
        return body;
    }

    private static String abbreviate(String body) {
        return body.length() <= MAX_BODY_IN_MESSAGE ? body
                : body.substring(0, MAX_BODY_IN_MESSAGE) + "… (" + body.length() + " chars)";
    }
}
