package org.civis.auth.otp;

/** Where a code can be sent: the enrolled phone (SMS) or email. */
public enum ContactChannel {
    PHONE,
    EMAIL
}
