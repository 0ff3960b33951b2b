package org.civis.auth.partner;

import org.civis.core.refusal.RefusalCode;

/** Why a change to a partner was refused; the admin API shows these names as error codes. */
public enum PartnerError implements RefusalCode {
    PARTNER_NOT_FOUND,
    PARTNER_EXISTS,
    PARTNER_KEY_INVALID,
    PARTNER_LAST_SIGNING_KEY,
    PARTNER_SIGNING_KEY_NOT_FOUND,
    PARTNER_POLICY_INVALID
}
