package io.kratosflows.internal;

import io.kratosflows.generated.invoker.Operation;
import java.util.Objects;

/**
 * How the flows of one {@code Kratos} view make calls: the shared transport, the end-user headers
 * of that view, whether payload fields are checked before sending, and the base URL the calls go
 * to (the public API, or the admin API for {@link DefaultAdmin}).
 *
 * @param transport      the HTTP stack
 * @param context        headers added for the end user
 * @param validateFields whether {@link PayloadValidation} checks fields before sending
 * @param baseUrl        the base URL operations' paths are appended to
 */
record Calls(Transport transport, CallContext context, boolean validateFields, String baseUrl) {

    Calls {
        Objects.requireNonNull(transport, "transport == null");
        Objects.requireNonNull(context, "context == null");
        Objects.requireNonNull(baseUrl, "baseUrl == null");
    }

    /** Calls to the public API. */
    Calls(Transport transport, CallContext context, boolean validateFields) {
        this(transport, context, validateFields, transport.publicUrl());
    }

    /** Makes an idempotent call (start, fetch, whoami): the retry policy may repeat it. */
    KratosResponse read(String what, Operation<?> operation) {
        return transport.execute(baseUrl, what, operation, context, true);
    }

    /** Makes a call that must happen at most once (a submission, a logout, a token exchange). */
    KratosResponse submit(String what, Operation<?> operation) {
        return transport.execute(baseUrl, what, operation, context, false);
    }

    /** {@return the payload, checked before sending} */
    <T> T check(T payload) {
        return PayloadValidation.check(payload, validateFields);
    }

    /** {@return these calls with one more header} (a header the spec does not declare for an operation) */
    Calls withHeader(String name, String value) {
        return new Calls(transport, context.with(name, value), validateFields, baseUrl);
    }

    /** {@return these calls sent to another base URL, without end-user headers} */
    Calls at(String otherBaseUrl) {
        return new Calls(transport, CallContext.NONE, validateFields, otherBaseUrl);
    }
}
