/**
 * The tolerant UI model of a flow: nodes of every Kratos node type (and unknown ones, kept as
 * raw JSON), their attributes and the messages Kratos attaches. Secrets shown in nodes (TOTP
 * secret, QR code, lookup codes) are redacted in {@code toString}.
 */
package io.kratosflows.ui;
