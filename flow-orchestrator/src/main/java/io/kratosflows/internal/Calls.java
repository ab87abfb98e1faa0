package io.kratosflows.internal;

import io.kratosflows.generated.invoker.Operation;

/**
 * How the flows of one {@code Kratos} view make calls: the shared transport, the end-user headers
 * of that view, and whether payload fields are checked before sending.
 *
 * @param transport      the HTTP stack
 * @param context        headers added for the end user
 * @param validateFields whether {@link PayloadValidation} checks fields before sending
 */
record Calls(Transport transport, CallContext context, boolean validateFields) {

    /** Makes an idempotent call (start, fetch, whoami): the retry policy may repeat it. */
    KratosResponse read(String what, Operation<?> operation) {
        return transport.execute(what, operation, context, true);
    }

    /** Makes a call that must happen at most once (a submission, a logout, a token exchange). */
    KratosResponse submit(String what, Operation<?> operation) {
        return transport.execute(what, operation, context, false);
    }

    /** {@return the payload, checked before sending} */
    <T> T check(T payload) {
        return PayloadValidation.check(payload, validateFields);
    }
}
