package org.civis.auth.otp;

/** The outcome of checking a presented one-time password. */
public enum OtpCheck {
    VALID,
    /** Wrong code; attempts remain. */
    OTP_INVALID,
    OTP_EXPIRED,
    /** Attempts exhausted (the code is void even if right), until a new one is requested. */
    OTP_LOCKED,
    /** No code was requested for this identity by this requester (or it was already used). */
    OTP_NOT_REQUESTED
}
