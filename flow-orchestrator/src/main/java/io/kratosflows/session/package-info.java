/** Sessions of native clients: {@link io.kratosflows.session.Sessions} and its sealed outcomes. */
package io.kratosflows.session;
