/**
 * Native settings: {@link io.kratosflows.settings.SettingsFlows}, the sealed
 * {@link io.kratosflows.settings.SettingsMethod} payloads and the sealed
 * {@link io.kratosflows.settings.SettingsOutcome}, with native re-authentication.
 */
package io.kratosflows.settings;
