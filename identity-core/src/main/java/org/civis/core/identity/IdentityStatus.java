package org.civis.core.identity;

/** Where an identity is in its life. REVOKED is terminal. */
public enum IdentityStatus {
    ACTIVE,
    DEACTIVATED,
    REVOKED;

    /** Whether an administrator may move an identity from this status to {@code target}. */
    public boolean canBecome(IdentityStatus target) {
        return switch (this) {
            case ACTIVE -> target == DEACTIVATED || target == REVOKED;
            case DEACTIVATED -> target == ACTIVE || target == REVOKED;
            case REVOKED -> false;
        };
    }
}
