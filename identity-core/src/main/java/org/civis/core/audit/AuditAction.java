package org.civis.core.audit;

/** What happened. The names are stored in the log: never rename one, only add. */
public enum AuditAction {
    ENROLLMENT_DUPLICATE_SUSPECTED,
    ENROLLMENT_REJECTED,
    IDENTITY_ISSUED,
    IDENTITY_LINKED,
    IDENTITY_UPDATED,
    IDENTITY_READ,
    IDENTITY_DEACTIVATED,
    IDENTITY_REACTIVATED,
    IDENTITY_REVOKED,
    VID_CREATED,
    VID_REVOKED,
    AUTH_TYPES_LOCKED,
    AUTH_TYPES_UNLOCKED,
    PARTNER_REGISTERED,
    PARTNER_SUSPENDED,
    PARTNER_ACTIVATED,
    PARTNER_POLICY_CHANGED,
    PARTNER_API_KEY_ROTATED,
    PARTNER_SIGNING_KEY_ADDED,
    PARTNER_SIGNING_KEY_REMOVED,
    /** One batch of a bulk import: counts, and that fingerprint 1:N deduplication was not run. */
    BULK_BATCH_IMPORTED,
    /** An operator looked up a VID or listed an identity's VIDs: each names the UIN behind them. */
    VID_READ,
    /** An operator read an enrollment's outcome, which names the UIN issued or the candidates found. */
    ENROLLMENT_READ
}
