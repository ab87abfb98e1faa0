/**
 * Native address verification by code: {@link io.kratosflows.verification.VerificationFlows} and the
 * sealed {@link io.kratosflows.verification.VerificationOutcome} (a wrong code is HTTP 200 too).
 */
package io.kratosflows.verification;
