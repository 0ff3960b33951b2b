package org.civis.auth.demo;

/**
 * The outcome of matching one requested field, or of checking the request as a whole. These names
 * become error codes of the partner API, so they are stable: add new codes, never rename or reuse one.
 */
public enum DemoCode {
    /** The field matched the enrolled value. */
    MATCHED,
    /**
     * The field did not match. Also given when the identity lacks the field or the requested language,
     * so that a partner cannot tell "wrong" from "not enrolled".
     */
    DEMO_MISMATCH,
    /** The field is not in the ID schema, or is biometric and so not a demographic factor. */
    DEMO_FIELD_UNKNOWN,
    /** The value has the wrong JSON type, is blank or too long, or names a language the schema lacks. */
    DEMO_FIELD_INVALID,
    /** The request names no field at all. */
    DEMO_NO_FIELDS,
    /** The partner's policy does not allow the requested strategy. */
    DEMO_STRATEGY_NOT_ALLOWED,
    /** The requested threshold is not a number between 0 and 1. */
    DEMO_THRESHOLD_INVALID
}
