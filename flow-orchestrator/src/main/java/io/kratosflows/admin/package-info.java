/**
 * The Kratos admin API for back ends: identities (get, create, replace, delete, list), an
 * identity's sessions (list, revoke), recovery codes and courier messages. Obtain {@link
 * io.kratosflows.admin.Admin} from {@code Kratos.admin()} with {@code KratosConfig.adminUrl} set.
 */
package io.kratosflows.admin;
