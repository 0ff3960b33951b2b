package org.civis.auth.partner;

/** A suspended partner is refused on its next request, on every node. */
public enum PartnerStatus {
    ACTIVE,
    SUSPENDED
}
