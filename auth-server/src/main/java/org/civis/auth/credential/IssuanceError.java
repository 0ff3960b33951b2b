package org.civis.auth.credential;

import org.civis.core.refusal.RefusalCode;

/** Why a credential or a status list was refused. Stable names: the HTTP catalogue shares them. */
public enum IssuanceError implements RefusalCode {
    /** A revoked identity gets no card, ever. */
    IDENTITY_REVOKED,
    /** A deactivated identity gets no card until it is reactivated. */
    IDENTITY_DEACTIVATED,
    STATUS_LIST_NOT_FOUND
}
