package org.civis.core.schema;

/**
 * Why a value was rejected. Clients match on these names, so they are stable: add new codes, never
 * rename or reuse one.
 */
public enum ViolationCode {
    FIELD_REQUIRED,
    FIELD_UNKNOWN,
    FIELD_TYPE,
    FIELD_EMPTY,
    FIELD_TOO_LONG,
    FIELD_VALUE_NOT_ALLOWED,
    LANGUAGE_NOT_ALLOWED,
    DATE_FORMAT,
    DATE_IN_FUTURE,
    DATE_OUT_OF_RANGE,
    PHONE_FORMAT,
    EMAIL_FORMAT,
    IMAGE_FORMAT_NOT_ALLOWED,
    IMAGE_DATA_INVALID,
    IMAGE_TOO_LARGE,
    IMAGE_CONTENT_MISMATCH,
    FINGER_POSITION_INVALID,
    FINGER_POSITION_DUPLICATE,
    FINGER_FORMAT_NOT_ALLOWED,
    FINGER_DPI_OUT_OF_RANGE,
    FINGER_DATA_INVALID,
    FINGER_DATA_TOO_LARGE,
    FINGER_COUNT_EXCEEDED,
    /** The fingerprint image could not be decoded, or is larger than a fingerprint image can be. */
    FINGER_IMAGE_UNREADABLE,
    /** The minutiae template is not a one-finger record of the declared standard. */
    FINGER_TEMPLATE_UNREADABLE,
    /** Too few minutiae to tell this finger from others: capture it again. */
    FINGER_TOO_FEW_MINUTIAE
}
