/**
 * Native login: {@link io.kratosflows.login.LoginFlows}, the sealed
 * {@link io.kratosflows.login.LoginMethod} payloads and the sealed {@link io.kratosflows.login.LoginOutcome}.
 */
package io.kratosflows.login;
