package org.civis.core.refusal;

/**
 * The registry's stable error codes. Clients match on these names; never rename one. All but the
 * last two name a {@link Refusal}; BIOMETRICS_BUSY and BIOMETRICS_UNAVAILABLE name the two ways
 * fingerprint work can be out of reach for a while, reported by a failed future
 * ({@code org.civis.core.biometrics.BiometricsUnavailable}) because nothing is wrong with the request.
 */
public enum RegistryError implements RefusalCode {
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
