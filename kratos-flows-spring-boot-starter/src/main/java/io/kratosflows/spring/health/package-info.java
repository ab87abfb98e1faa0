/** Kratos readiness ({@code GET /health/ready}) and its auto-configuration. */
package io.kratosflows.spring.health;
