package io.kratosflows.error;

import java.util.Optional;

/**
 * Kratos answered with something this library cannot map: a status the endpoint does not use, a
 * body that is not JSON, or JSON without the fields the outcome needs, a body larger than the
 * configured cap, or bytes that are not HTTP. The status, content type and a short excerpt of the
 * body are kept for diagnosis; the excerpt is redacted by structure (ids, types, states, numbers and
 * field names kept, every other string masked) and a body that is not JSON is not quoted at all.
 */
public final class UnexpectedResponseException extends KratosException {

    private static final long serialVersionUID = 1L;
    private final int status;
    private final String contentType;
    private final String bodyExcerpt;
    private final String requestId;

    /**
     * @param what        what could not be mapped
     * @param status      the HTTP status
     * @param contentType the response content type, or empty
     * @param bodyExcerpt a short excerpt of the body, secrets already redacted
     * @param requestId   the request id, or null
     * @param cause       the parse failure, or null
     */
    public UnexpectedResponseException(String what, int status, String contentType, String bodyExcerpt,
                                       String requestId, Throwable cause) {
        super(what + " (Status: " + status + (requestId == null ? "" : ", Request: " + requestId)
                + ", Body: " + bodyExcerpt + ")", cause);
        this.status = status;
        this.contentType = contentType;
        this.bodyExcerpt = bodyExcerpt;
        this.requestId = requestId;
    }

    /** {@return the HTTP status} */
    public int status() {
        return status;
    }

    /** {@return the content type Kratos sent, or an empty string} */
    public String contentType() {
        return contentType;
    }

    /** {@return up to 300 characters of the body, redacted by structure, or a description such as {@code <512 bytes, not JSON; not shown>}} */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }

    /** {@return the request id, when Kratos sent one} */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }
}
