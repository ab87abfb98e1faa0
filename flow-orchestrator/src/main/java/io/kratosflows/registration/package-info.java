/**
 * Native registration: {@link io.kratosflows.registration.RegistrationFlows}, the sealed
 * {@link io.kratosflows.registration.RegistrationMethod} payloads and the sealed
 * {@link io.kratosflows.registration.RegistrationOutcome}.
 */
package io.kratosflows.registration;
