package org.civis.core;

/** The registry's stable error codes. Clients match on these names; never rename one. */
public enum RegistryError {
    VALIDATION_FAILED,
    IDENTITY_NOT_FOUND,
    IDENTITY_STATE_CONFLICT,
    ENROLLMENT_NOT_FOUND,
    ENROLLMENT_NOT_PENDING,
    REGISTRATION_ID_REUSED,
    VID_NOT_FOUND,
    VID_LIMIT_REACHED,
    BIOMETRICS_BUSY,
    BIOMETRICS_UNAVAILABLE
}
