/**
 * Native account recovery by code: {@link io.kratosflows.recovery.RecoveryFlows} and the sealed
 * {@link io.kratosflows.recovery.RecoveryOutcome} that tells a wrong code (HTTP 200) from success.
 */
package io.kratosflows.recovery;
