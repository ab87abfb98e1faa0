package io.kratosflows.internal;

/**
 * Headers a group of calls adds on behalf of the end user a back end serves (their address and
 * agent, as Kratos reads them). Immutable; {@link #NONE} adds nothing.
 *
 * @param headers name, value, name, value, ...
 */
record CallContext(String[] headers) {

    static final CallContext NONE = new CallContext(new String[0]);
}
