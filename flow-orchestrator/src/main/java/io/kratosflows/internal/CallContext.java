package io.kratosflows.internal;

import io.kratosflows.EndUser;
import java.util.Arrays;

/**
 * Headers a group of calls adds on behalf of the end user a back end serves (their address and
 * agent, as Kratos reads them). Immutable; {@link #NONE} adds nothing.
 *
 * @param headers name, value, name, value, ...
 */
record CallContext(String[] headers) {

    static final CallContext NONE = new CallContext(new String[0]);

    /**
     * {@return the headers Kratos reads an end user's device from} The address goes as
     * {@code True-Client-IP}, which Kratos reads before every other source, and as
     * {@code X-Forwarded-For}, for proxies between the back end and Kratos that pass only that one
     * on; the agent replaces the client's own {@code User-Agent}.
     */
    static CallContext of(EndUser user) {
        CallContext context = NONE;
        if (user.ipAddress().isPresent()) {
            context = context.with("True-Client-IP", user.ipAddress().get()).with("X-Forwarded-For", user.ipAddress().get());
        }
        if (user.userAgent().isPresent()) {
            context = context.with("User-Agent", user.userAgent().get());
        }
        return context;
    }

    /** {@return these headers and one more} */
    CallContext with(String name, String value) {
        String[] more = Arrays.copyOf(headers, headers.length + 2);
        more[headers.length] = name;
        more[headers.length + 1] = value;
        return new CallContext(more);
    }

    /** Names only: a header value can be a session token. */
    @Override
    public String toString() {
        StringBuilder names = new StringBuilder("CallContext[");
        for (int i = 0; i < headers.length; i += 2) {
            names.append(i == 0 ? "" : ", ").append(headers[i]);
        }
        return names.append(']').toString();
    }
}
