/**
 * Internal: the HTTP stack, the generated-client calls, readers and outcome dispatchers. Not an
 * API: anything here may change in any release. Users touch {@code io.kratosflows.*} only.
 */
package io.kratosflows.internal;
