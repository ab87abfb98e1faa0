package io.kratosflows.specdiff;

import java.util.Locale;

/** What changed, in the words of OpenAPI; {@link Change#element()} says where. */
public enum ChangeKind {
    /** An operation (method and path) that only the new spec has. */
    OPERATION_ADDED,
    /** An operation that only the old spec has. */
    OPERATION_REMOVED,
    /** The operation id changed: generated method names follow it. */
    OPERATION_ID_CHANGED,
    /** An operation, parameter or schema became deprecated, or stopped being deprecated. */
    DEPRECATION_CHANGED,
    /** A new parameter. */
    PARAMETER_ADDED,
    /** A parameter that the new spec no longer has. */
    PARAMETER_REMOVED,
    /** A parameter that became required. */
    PARAMETER_REQUIRED,
    /** A parameter that is no longer required. */
    PARAMETER_OPTIONAL,
    /** A request body where there was none. */
    REQUEST_BODY_ADDED,
    /** The request body is gone. */
    REQUEST_BODY_REMOVED,
    /** The request body became required or optional. */
    REQUEST_BODY_REQUIRED_CHANGED,
    /** A new method of a request body: a new discriminator mapping of its oneOf (e.g. {@code updateLoginFlowBody}). */
    BODY_METHOD_ADDED,
    /** A method of a request body that the new spec no longer has. */
    BODY_METHOD_REMOVED,
    /** A new media type of a request body or response. */
    MEDIA_TYPE_ADDED,
    /** A media type of a request body or response that the new spec no longer has. */
    MEDIA_TYPE_REMOVED,
    /** A new response status. */
    RESPONSE_ADDED,
    /** A response status that the new spec no longer has. */
    RESPONSE_REMOVED,
    /** A schema in components that only the new spec has. */
    SCHEMA_ADDED,
    /** A schema in components that only the old spec has. */
    SCHEMA_REMOVED,
    /** A place that referred to one schema now refers to another. */
    SCHEMA_REPLACED,
    /** The type or format changed. */
    TYPE_CHANGED,
    /** A new property. */
    PROPERTY_ADDED,
    /** A property that the new spec no longer has. */
    PROPERTY_REMOVED,
    /** A property that became required. */
    PROPERTY_REQUIRED,
    /** A property that is no longer required. */
    PROPERTY_OPTIONAL,
    /** A new enum value. */
    ENUM_VALUE_ADDED,
    /** An enum value that the new spec no longer has. */
    ENUM_VALUE_REMOVED,
    /** A new oneOf variant or discriminator mapping (a new node attributes type, {@code continue_with} action, ...). */
    VARIANT_ADDED,
    /** A oneOf variant or discriminator mapping that the new spec no longer has. */
    VARIANT_REMOVED,
    /** The discriminator property changed. */
    DISCRIMINATOR_CHANGED,
    /** A default, nullability, pattern, length, range or item-count constraint changed. */
    CONSTRAINT_CHANGED;

    /** The identifier in the JSON report, e.g. {@code parameter_added}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
