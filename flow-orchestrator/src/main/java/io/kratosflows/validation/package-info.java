/** Jakarta Validation constraints kratos-flows applies to method payloads before sending them. */
package io.kratosflows.validation;
